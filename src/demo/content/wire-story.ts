/**
 * One agency story (invented agency "Agencia Meridiana", AMN) carried by two outlets: El Diario del
 * Sur and La Gaceta del Norte print the same body under slightly different headlines, and La Gaceta
 * adds a closing paragraph of its own. This is the syndicated pair the dedupe stage must collapse.
 */
export const wireStory = {
  slug: 'lula-da-silva-pide-en-bruselas-cerrar-el-acuerdo-con-mercosur',
  headline: 'Lula da Silva pide en Bruselas cerrar el acuerdo con Mercosur antes de fin de año',
  gacetaHeadline: 'Lula da Silva urge en Bruselas a cerrar este año el acuerdo entre la UE y Mercosur',
  standfirst:
    'El presidente brasileño defiende ante los líderes europeos que el pacto comercial "ya no admite más aplazamientos".',
  author: 'Agencia Meridiana',
  paragraphs: [
    'Bruselas (AMN).- El presidente de Brasil, <strong>Luiz Inácio Lula da Silva</strong>, pidió este martes en Bruselas a los dirigentes de la Unión Europea que cierren "antes de que termine el año" el acuerdo comercial con Mercosur, negociado durante más de dos décadas.',
    'En una comparecencia junto a la presidenta de la Comisión Europea, <strong>Lula </strong>defendió que el tratado "ya no admite más aplazamientos" y que su aprobación enviaría "una señal de confianza" a los mercados de ambos lados del Atlántico.',
    'El mandatario brasileño recordó que los cuatro países fundadores de Mercosur —Argentina, Brasil, Paraguay y Uruguay— suman más de 270 millones de habitantes y que la eliminación de aranceles beneficiaría "a agricultores e industriales por igual".',
    'Francia mantiene sus reservas. Fuentes del Elíseo señalaron que el presidente <a href="/tema/emmanuel-macron">Emmanuel Macron</a> sigue exigiendo "cláusulas espejo" que obliguen a los productos importados a cumplir las mismas normas ambientales que los europeos.',
    'La reunión, celebrada en el edificio Berlaymont, se prolongó durante casi tres horas y concluyó con el compromiso de crear un grupo de trabajo técnico que presentará sus conclusiones en el plazo de seis semanas.',
  ],
  gacetaClosing:
    'Las cofradías de pescadores y las organizaciones agrarias del norte de España han pedido al Gobierno que exija garantías para el sector lácteo antes de dar su visto bueno al tratado.',
};
