/**
 * The language articles in different languages meet in when they are clustered: English, whatever
 * the site's language. Every engine we run translates into English (Apertium's pairs, the neural models
 * to come are x→en first), the name gazetteer's first column is English, and the clusterer's weights
 * were measured on English translations (NTREX "with English", eval/floors/cluster.json). An article's
 * translation into this language, when the site made one, is a second text the clusterer reads.
 */
export const PIVOT_LANGUAGE = 'en';
