/** Outlet 5: Jornal da Tarde (Portuguese, JSON Feed 1.1). Invented outlet. */
import type { DemoOutlet } from './types.js';
import { portugueseLabels } from './labels.js';

export const jornalDaTarde: DemoOutlet = {
  id: 'jornal-da-tarde',
  name: 'Jornal da Tarde',
  language: 'pt',
  locale: 'pt_BR',
  timeZone: 'America/Sao_Paulo',
  template: 'basic',
  articlePath: '/{section}/noticia/{slug}.ghtml',
  feed: {
    format: 'json-feed',
    path: '/feed.json',
    title: 'Jornal da Tarde',
    description: 'Últimas notícias do Jornal da Tarde',
  },
  menu: ['Brasil', 'Mundo', 'Economia', 'Esportes', 'Cultura'],
  labels: portugueseLabels,
  articles: [
    {
      slug: 'lula-da-silva-anuncia-plano-para-a-amazonia',
      event: 'lula-belem-amazon-plan',
      section: 'Brasil',
      sectionSlug: 'brasil',
      headline: 'Lula da Silva anuncia em Belém novo plano para proteger a Amazônia',
      standfirst: 'O programa prevê mais fiscais, satélites e crédito para produtores que preservarem a floresta.',
      author: 'Mariana Souza',
      hoursAgo: 5,
      image: {
        file: 'lula-belem.jpg',
        alt: 'Lula da Silva discursa em Belém',
        caption: 'Lula da Silva durante o anúncio do plano em Belém.',
        credit: 'Foto: Jornal da Tarde',
      },
      paragraphs: [
        'O presidente <strong>Lula da Silva</strong> anunciou nesta quinta-feira, em <strong>Belém</strong>, um novo plano para reduzir o desmatamento na Amazônia, com mais fiscais ambientais, monitoramento por satélite e linhas de crédito para produtores que preservarem a floresta.',
        '"A Amazônia não é um problema, é uma solução para o Brasil e para o mundo", disse <a href="/tema/lula-da-silva">Lula</a>, diante de governadores, prefeitos e representantes de povos indígenas.',
        'O plano também prevê acordos com países europeus. O presidente lembrou a conversa recente com o francês <strong>Emmanuel Macron </strong>sobre um fundo comum de pesquisa e disse esperar novos parceiros até o fim do ano.',
        'Ambientalistas elogiaram as metas, mas cobraram detalhes sobre o financiamento. O governo promete publicar o cronograma completo nas próximas semanas.',
      ],
      tags: ['Amazônia', 'Meio ambiente', 'Lula da Silva'],
    },
    {
      slug: 'estrela-do-norte-vence-classico-e-assume-a-lideranca',
      event: 'estrela-do-norte-derby',
      section: 'Esportes',
      sectionSlug: 'esportes',
      headline: 'Estrela do Norte vence clássico e assume a liderança do estadual',
      standfirst: 'Gol nos acréscimos garante a vitória diante de uma torcida de quarenta mil pessoas.',
      author: 'Rafael Lima',
      hoursAgo: 31,
      image: {
        file: 'IMG_20261109_2130.jpg',
        alt: 'IMG_20261109_2130.jpg',
        caption: 'IMG_20261109_2130.jpg',
        credit: 'Foto: Jornal da Tarde',
      },
      paragraphs: [
        'O Estrela do Norte venceu o clássico de domingo por 2 a 1 e assumiu a liderança do campeonato estadual. O gol da vitória saiu nos acréscimos, em cobrança de falta do meia <strong>Thiago Ribeiro</strong>.',
        'O primeiro tempo foi equilibrado, com poucas chances para os dois lados. O Estrela abriu o placar logo após o intervalo, mas sofreu o empate em um contra-ataque rápido aos 30 minutos.',
        'Quando o jogo parecia caminhar para o empate, <strong>Thiago </strong>acertou o ângulo e fez a festa de quarenta mil torcedores no estádio.',
        'O time volta a campo na quarta-feira, fora de casa, e pode abrir quatro pontos de vantagem se vencer novamente.',
      ],
      tags: ['Futebol', 'Estadual'],
    },
  ],
};
