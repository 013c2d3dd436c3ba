/**
 * The gazetteer's data: one entity a line, tab-separated columns kind, en, es, fr, de, pt, it, ca, ru;
 * "|" between spellings of one language (the first is the one written in that language), "-" for none.
 * kind: p person, l place, o organisation. English is the key form. Sorted by kind, then English.
 * Rows after Astana: places and institutions that a pivot or a literal reading broke on real pages (issue 17).
 * Sources: each outlet's own usage (EFE/El País, Le Monde, Tagesschau, Folha, ANSA, ARA, TASS).
 */
export const gazetteerTable = `
p	Abdel Fattah al-Sisi	Abdelfatah al Sisi|Abdel Fattah al Sisi	Abdel Fattah al-Sissi	Abdel Fattah al-Sisi	-	-	-	Абдель Фаттах ас-Сиси
p	Ali Khamenei	Alí Jamenei|Ali Jamenei	Ali Khamenei	Ali Chamenei	-	-	-	Али Хаменеи
p	Alexei Navalny	Alexéi Navalni|Alexei Navalni	Alexeï Navalny	Alexej Nawalny	Alexei Navalny	-	-	Алексей Навальный
p	Andrés Manuel López Obrador	Andrés Manuel López Obrador	-	-	-	-	-	-
p	Angela Merkel	Angela Merkel	-	-	-	-	-	Ангела Меркель
p	Antonio Guterres	António Guterres|Antonio Guterres	Antonio Guterres	António Guterres	António Guterres	-	-	Антониу Гутерриш
p	Benjamin Netanyahu	Benjamín Netanyahu|Benjamin Netanyahu	Benyamin Netanyahou	Benjamin Netanjahu	Benjamin Netanyahu	-	-	Биньямин Нетаньяху
p	Bashar al-Assad	Bachar al Asad|Bashar al Assad	Bachar al-Assad	Baschar al-Assad	-	-	-	Башар Асад
p	Cyril Ramaphosa	Cyril Ramaphosa	-	-	-	-	-	-
p	Dmitri Medvedev	Dmitri Medvédev|Dmitri Medvedev	Dmitri Medvedev	Dmitri Medwedew	Dmitri Medvedev	-	-	Дмитрий Медведев
p	Dmitri Peskov	Dmitri Peskov	Dmitri Peskov	Dmitri Peskow	-	-	-	Дмитрий Песков
p	Donald Trump	Donald Trump	-	-	-	-	-	Дональд Трамп
p	Emmanuel Macron	Emmanuel Macron	-	-	-	-	-	Эммануэль Макрон
p	Ebrahim Raisi	Ebrahim Raisí|Ebrahim Raisi	Ebrahim Raïssi	Ebrahim Raisi	-	-	-	Эбрахим Раиси
p	Fumio Kishida	Fumio Kishida	-	-	-	-	-	-
p	Jair Bolsonaro	Jair Bolsonaro	-	-	-	-	-	-
p	Joe Biden	Joe Biden	-	-	-	-	-	Джо Байден
p	Kim Jong Il	Kim Jong Il|Kim Jong-il	Kim Jong-il	Kim Jong-il	Kim Jong-il	-	-	Ким Чен Ир
p	Kim Jong Un	Kim Jong Un|Kim Jong-un	Kim Jong-un	Kim Jong-un	Kim Jong-un	Kim Jong-un	-	Ким Чен Ын
p	Kim Yo Jong	Kim Yo Jong|Kim Yo-jong	Kim Yo-jong	Kim Yo-jong	-	-	-	Ким Ё Чжон
p	Lula da Silva	Lula da Silva	-	-	-	-	-	-
p	Luiz Inácio Lula da Silva	Luiz Inácio Lula da Silva|Luiz Inacio Lula da Silva	-	-	-	-	-	-
p	Mohammed bin Salman	Mohamed bin Salmán|Mohamed bin Salman	Mohammed ben Salmane	Mohammed bin Salman	-	-	-	-
p	Narendra Modi	Narendra Modi	-	-	-	-	-	Нарендра Моди
p	Nguyen Phu Trong	Nguyen Phu Trong|Nguyễn Phú Trọng	Nguyen Phu Trong	Nguyen Phu Trong	-	-	-	Нгуен Фу Чонг
p	Nicolás Maduro	Nicolás Maduro	-	-	-	-	-	Николас Мадуро
p	Olaf Scholz	Olaf Scholz	-	-	-	-	-	Олаф Шольц
p	Pedro Sánchez	Pedro Sánchez	-	-	-	-	-	-
p	Pilar del Río	Pilar del Río	-	-	Pilar del Río	-	-	-
p	Putin	Putin	Poutine	Putin	Putin	Putin	Putin	Путин
p	Recep Tayyip Erdogan	Recep Tayyip Erdogan|Recep Tayyip Erdoğan	Recep Tayyip Erdogan	Recep Tayyip Erdoğan	-	-	-	Реджеп Тайип Эрдоган
p	Sergei Lavrov	Serguéi Lavrov|Sergei Lavrov	Sergueï Lavrov	Sergej Lawrow	Serguei Lavrov	-	-	Сергей Лавров
p	Sergei Naryshkin	Serguéi Narishkin|Sergei Naryshkin	Sergueï Narychkine	Sergej Naryschkin	-	-	-	Сергей Нарышкин
p	Sergei Shoigu	Serguéi Shoigú|Sergei Shoigu	Sergueï Choïgou	Sergej Schoigu	-	-	-	Сергей Шойгу
p	Shoigu	Shoigú	Choïgou	Schoigu	-	-	-	Шойгу
p	Shinzo Abe	Shinzo Abe	-	-	-	-	-	-
p	Vladimir Putin	Vladímir Putin|Vladimir Putin	Vladimir Poutine	Wladimir Putin	Vladimir Putin	Vladimir Putin	Vladímir Putin	Владимир Путин
p	Volodymyr Zelensky	Volodímir Zelenski|Volodymyr Zelensky|Zelenski	Volodymyr Zelensky	Wolodymyr Selenskyj	Volodymyr Zelensky	-	-	Владимир Зеленский
p	Xi Jinping	Xi Jinping	-	-	-	-	-	Си Цзиньпин
p	Yoon Suk Yeol	Yoon Suk Yeol|Yoon Suk-yeol	Yoon Suk-yeol	Yoon Suk-yeol	-	-	-	Юн Сок Ёль
l	Abu Dhabi	Abu Dabi|Abu Dhabi	Abou Dhabi	Abu Dhabi	Abu Dhabi	-	-	Абу-Даби
l	Beijing	Pekín	Pékin	Peking	Pequim	Pechino	Pequín	Пекин
l	Cape Town	Ciudad del Cabo	Le Cap	Kapstadt	Cidade do Cabo	Città del Capo	Ciutat del Cap	Кейптаун
l	Casa Rosada	Casa Rosada	-	-	-	-	-	Каса Росада
l	Chechnya	Chechenia	Tchétchénie	Tschetschenien	Chechênia	Cecenia	Txetxènia	Чечня
l	Crimea	Crimea	Crimée	Krim	Crimeia	Crimea	Crimea	Крым
l	Damascus	Damasco	Damas	Damaskus	Damasco	Damasco	Damasc	Дамаск
l	Donetsk	Donetsk	Donetsk	Donezk	Donetsk	-	-	Донецк
l	Gaza	Gaza	Gaza	Gaza	Gaza	Gaza	Gaza	Газа
l	Hanoi	Hanói|Hanoi	Hanoï	Hanoi	Hanói	-	-	Ханой
l	Ho Chi Minh City	Ciudad Ho Chi Minh	Hô Chi Minh-Ville	Ho-Chi-Minh-Stadt	Cidade de Ho Chi Minh	-	-	Хошимин
l	Kharkiv	Járkov|Jarkov	Kharkiv	Charkiw	Kharkiv	-	-	Харьков
l	Kyiv	Kiev	Kiev|Kyiv	Kiew	Kiev	Kiev	Kíiv	Киев
l	Latin America	América Latina|Latinoamérica	Amérique latine	Lateinamerika	América Latina	America Latina	Amèrica Llatina	Латинская Америка
l	Mecca	La Meca	La Mecque	Mekka	Meca	La Mecca	la Meca	Мекка
l	Moscow	Moscú	Moscou	Moskau	Moscou	Mosca	Moscou	Москва
l	New Delhi	Nueva Delhi	New Delhi	Neu-Delhi	Nova Déli	Nuova Delhi	Nova Delhi	Нью-Дели
l	New York	Nueva York	New York	New York	Nova York	New York	Nova York	Нью-Йорк
l	Pyongyang	Pionyang	Pyongyang	Pjöngjang	Pyongyang	Pyongyang	Pyongyang	Пхеньян
l	Riyadh	Riad	Riyad	Riad	Riad	Riad	Riad	Эр-Рияд
l	Saint Petersburg	San Petersburgo	Saint-Pétersbourg	Sankt Petersburg	São Petersburgo	San Pietroburgo	Sant Petersburg	Санкт-Петербург
l	Seoul	Seúl	Séoul	Seoul	Seul	Seul	Seül	Сеул
l	Siberia	Siberia	Sibérie	Sibirien	Sibéria	Siberia	Sibèria	Сибирь
l	Taipei	Taipéi|Taipei	Taipei	Taipeh	Taipé	-	-	Тайбэй
l	Tehran	Teherán	Téhéran	Teheran	Teerã	Teheran	Teheran	Тегеран
l	Tokyo	Tokio	Tokyo	Tokio	Tóquio	Tokyo	Tòquio	Токио
l	Vladivostok	Vladivostok	Vladivostok	Wladiwostok	Vladivostok	-	-	Владивосток
l	Yakutia	Yakutia	Iakoutie	Jakutien	Iacútia	Jacuzia	-	Якутия
l	Yakutsk	Yakutsk	Iakoutsk	Jakutsk	-	-	-	Якутск
o	Gazprom	Gazprom	-	Gazprom	-	-	-	Газпром
o	Hamas	Hamás	Hamas	Hamas	Hamas	Hamas	Hamàs	ХАМАС
o	Hezbollah	Hezbolá|Hizbulá	Hezbollah	Hisbollah	Hezbollah	Hezbollah	Hezbol·lah	Хезболла
o	Kremlin	Kremlin	Kremlin	Kreml	Kremlin	Cremlino	Kremlin	Кремль
o	Pemex	Pemex	-	-	-	-	-	-
o	Petrobras	Petrobras	-	-	-	-	-	-
o	Red Cross	Cruz Roja	Croix-Rouge	Rotes Kreuz	Cruz Vermelha	Croce Rossa	Creu Roja	Красный Крест
o	Rosneft	Rosneft	-	-	-	-	-	Роснефть
p	Aung San Suu Kyi	Aung San Suu Kyi	Aung San Suu Kyi	Aung San Suu Kyi	Aung San Suu Kyi	-	-	Аун Сан Су Чжи
p	Lee Hsien Loong	Lee Hsien Loong	-	-	-	-	-	Ли Сянь Лун
p	Min Aung Hlaing	Min Aung Hlaing	-	-	-	-	-	Мин Аун Хлайн
p	Pham Minh Chinh	Pham Minh Chinh|Phạm Minh Chính	-	-	-	-	-	Фам Минь Тинь
p	Ursula von der Leyen	Ursula von der Leyen	-	-	-	-	-	Урсула фон дер Ляйен
p	Alexander Lukashenko	Alexandr Lukashenko|Aleksandr Lukashenko	Alexandre Loukachenko	Alexander Lukaschenko	-	-	-	Александр Лукашенко
p	Kassym-Jomart Tokayev	Kasim-Yomart Tokáyev|Kassym-Jomart Tokayev	Kassym-Jomart Tokaïev	Kassym-Schomart Tokajew	-	-	-	Касым-Жомарт Токаев
p	Nikol Pashinyan	Nikol Pashinián|Nikol Pashinyan	Nikol Pachinian	Nikol Paschinjan	-	-	-	Никол Пашинян
p	Mahmoud Abbas	Mahmud Abás|Mahmud Abbas	Mahmoud Abbas	Mahmud Abbas	-	-	-	Махмуд Аббас
p	Hassan Nasrallah	Hasán Nasralá|Hassan Nasrallah	Hassan Nasrallah	Hassan Nasrallah	-	-	-	Хасан Насралла
p	Ismail Haniyeh	Ismail Haniya|Ismail Haniyeh	Ismaïl Haniyeh	Ismail Hanija	-	-	-	Исмаил Хания
l	Astana	Astaná	Astana	Astana	Astana	-	-	Астана
l	Baku	Bakú	Bakou	Baku	Baku	-	-	Баку
l	Berlin	Berlín	Berlin	Berlin	Berlim	Berlino	Berlín	Берлин
l	Bogotá	Bogotá	Bogota	Bogotá	Bogotá	-	-	Богота
l	Brussels	Bruselas	Bruxelles	Brüssel	Bruxelas	Bruxelles	Brussel·les	Брюссель
l	Cairo	El Cairo|Cairo	Le Caire	Kairo	Cairo	Il Cairo	el Caire	Каир
l	Geneva	Ginebra	Genève	Genf	Genebra	Ginevra	Ginebra	Женева
l	Havana	La Habana	La Havane	Havanna	Havana	L'Avana	l'Havana	Гавана
l	Istanbul	Estambul	Istanbul	Istanbul	Istambul	Istanbul	Istanbul	Стамбул
l	Jakarta	Yakarta	Jakarta	Jakarta	Jacarta	Giacarta	Jakarta	Джакарта
l	London	Londres	Londres	London	Londres	Londra	Londres	Лондон
l	Mexico City	Ciudad de México	Mexico	Mexiko-Stadt	Cidade do México	Città del Messico	Ciutat de Mèxic	Мехико
l	Paris	París	Paris	Paris	Paris	Parigi	París	Париж
l	Tashkent	Taskent|Tashkent	Tachkent	Taschkent	-	-	-	Ташкент
l	Ulaanbaatar	Ulán Bator	Oulan-Bator	Ulaanbaatar	Ulan Bator	-	-	Улан-Батор
l	Warsaw	Varsovia	Varsovie	Warschau	Varsóvia	Varsavia	Varsòvia	Варшава
l	Yerevan	Ereván	Erevan	Jerewan	Erevã	-	-	Ереван
o	Aeroflot	Aeroflot	-	-	-	-	-	Аэрофлот
o	Huawei	Huawei	-	-	-	-	-	-
o	Interpol	Interpol	-	-	-	-	-	Интерпол
o	UNICEF	Unicef|UNICEF	Unicef	UNICEF	-	-	-	ЮНИСЕФ
l	Belém	Belém	Belém	-	Belém	-	-	-
l	Élysée	Élysée|Elíseo	Élysée	Élysée	Eliseu	-	-	-
l	French Guiana	Guayana Francesa	Guyane|Guyane française	Französisch-Guayana	Guiana Francesa	Guyana francese	Guaiana Francesa	-
o	Armed Forces	Fuerzas Armadas	Forces armées	Streitkräfte	Forças Armadas	Forze armate	Forces Armades	-
o	Casa Rosada	Casa Rosada	Casa Rosada	-	Casa Rosada	-	-	-
o	Foreign Affairs	Asuntos Exteriores|Relaciones Exteriores	Affaires étrangères	-	Negócios Estrangeiros|Relações Exteriores	Affari Esteri	Afers Exteriors	-
o	Foreign Ministry	Ministerio de Asuntos Exteriores|Ministerio de Relaciones Exteriores	-	-	Ministério das Relações Exteriores|Ministério dos Negócios Estrangeiros	-	-	-
o	La Moneda	La Moneda	-	-	-	-	-	-
o	Movimiento Evita	Movimiento Evita	-	-	-	-	-	-
`;
