/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json (kept beside v1.ts: change both). */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: string) => ({ type: 'array', items: ref(name) });
const intParam = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'integer', minimum: 0 },
});
const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const paging = [
  intParam('limit', 'items per page, 1–100 (default 20)'),
  intParam('offset', 'items to skip (default 0)'),
];
const section = {
  name: 'section',
  in: 'query',
  required: false,
  description:
    "one of the site's sections (key such as sport, or its label), or a publisher's section name: a name the rules map lists that whole section (docs/sections.md)",
  schema: { type: 'string', maxLength: 40 },
};
const lang = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'original language (BCP 47)',
  schema: { type: 'string' },
};
const sort = {
  name: 'sort',
  in: 'query',
  required: false,
  description:
    'newest (default): newest first; relevance: the newest 100 matches with the words in their headline first, then older ones newest first',
  schema: { type: 'string', enum: ['newest', 'relevance'] },
};
const source = intParam('source', 'only articles carried by this source id');

function ok(schema: object, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}
const errors = { '400': ok(ref('Error'), 'Bad parameter'), '404': ok(ref('Error'), 'Not found') };
const page = (key: string, item: string) => ({
  type: 'object',
  properties: {
    [key]: list(item),
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    nextOffset: { type: ['integer', 'null'] },
  },
});

const articleSummary = {
  type: 'object',
  required: ['id', 'pagePath', 'title', 'originalTitle', 'site', 'url'],
  properties: {
    id: { type: 'integer' },
    pagePath: {
      type: 'string',
      description: "the article's page on this site, e.g. /article/12/valencia-approves-its-plan",
    },
    title: { type: 'string', description: 'in the site language when translated' },
    originalTitle: { type: 'string' },
    site: { type: 'string' },
    sourceName: { type: ['string', 'null'] },
    url: { type: 'string', format: 'uri', description: 'the original article' },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    language: { type: ['string', 'null'] },
    translatedFrom: { type: ['string', 'null'] },
    lead: { type: ['string', 'null'] },
    image: { type: ['string', 'null'] },
    section: { type: ['string', 'null'], description: "the publisher's section, as it named it" },
    siteSection: {
      type: ['string', 'null'],
      description:
        "the site's section (world, politics, economy, science-tech, health, sport, culture, entertainment, opinion, local); null: none",
    },
    sourceId: {
      type: ['integer', 'null'],
      description: 'the followed source that first carried it (/api/v1/sources/{id})',
    },
  },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Happenings API',
      version: '1',
      description:
        'Articles, stories, sources and entities of this Happenings site. Every article object carries pagePath.',
    },
    paths: {
      '/api/v1/articles': {
        get: {
          summary: 'Latest articles, newest first',
          parameters: [...paging, lang, source, section],
          responses: { '200': ok(page('articles', 'ArticleSummary')), ...errors },
        },
      },
      '/api/v1/articles/popular': {
        get: {
          summary: 'Most read articles of the last 7 days',
          parameters: paging.slice(0, 1),
          responses: {
            '200': ok({ type: 'object', properties: { articles: list('ArticleSummary'), days: { type: 'integer' } } }),
          },
        },
      },
      '/api/v1/articles/{id}': {
        get: {
          summary: 'One article with its original text, translation and carriers',
          parameters: [idPath],
          responses: { '200': ok(ref('Article')), ...errors },
        },
      },
      '/api/v1/articles/{id}/read-too': {
        get: {
          summary: 'Related articles (same story, then similar)',
          parameters: [idPath, paging[0]],
          responses: { '200': ok({ type: 'object', properties: { articles: list('ArticleSummary') } }), ...errors },
        },
      },
      '/api/v1/search': {
        get: {
          summary:
            'Full-text search over original and translated text (every word required), newest first unless sort=relevance',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
            lang,
            source,
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
            sort,
            ...paging,
          ],
          responses: { '200': ok(page('articles', 'ArticleSummary')), ...errors },
        },
      },
      '/api/v1/sources': {
        get: {
          summary: 'Followed sources with fetch health',
          responses: { '200': ok({ type: 'object', properties: { sources: list('Source') } }) },
        },
      },
      '/api/v1/sources/{id}': {
        get: {
          summary: 'One source and its latest articles',
          parameters: [idPath, ...paging],
          responses: {
            '200': ok({ type: 'object', properties: { source: ref('Source'), articles: list('ArticleSummary') } }),
            ...errors,
          },
        },
      },
      '/api/v1/stories': {
        get: {
          summary: 'Top stories, ranked by outlets × size × recency',
          parameters: paging.slice(0, 1),
          responses: { '200': ok({ type: 'object', properties: { stories: list('StorySummary') } }) },
        },
      },
      '/api/v1/stories/{id}': {
        get: {
          summary: "One story: every outlet's version, first reported first",
          parameters: [idPath],
          responses: { '200': ok(ref('Story')), ...errors },
        },
      },
      '/api/v1/entities/{id}': {
        get: {
          summary: 'One entity and its articles',
          parameters: [idPath],
          responses: { '200': ok(ref('Entity')), ...errors },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        ArticleSummary: articleSummary,
        Article: {
          allOf: [
            ref('ArticleSummary'),
            {
              type: 'object',
              properties: {
                canonicalUrl: { type: 'string' },
                subtitle: { type: ['string', 'null'] },
                byline: { type: ['string', 'null'] },
                original: { type: 'object', description: 'title, subtitle, html (sanitized), paragraphs, language' },
                translation: {
                  type: ['object', 'null'],
                  description:
                    'language, engine, engineVersion, translatedAt, title, subtitle, html, paragraphs; model (a ' +
                    "neural model's name, else null), via (the pivot language, else null), nameRepairs (how many " +
                    'names the engine lost or altered) and unrepairedNames (how many of them could not be put back)',
                },
                carriers: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      sourceName: { type: 'string' },
                      url: { type: 'string' },
                      seenAt: { type: 'string' },
                      isFirst: { type: 'boolean' },
                    },
                  },
                },
                related: {
                  type: 'array',
                  items: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string' } } },
                },
                tags: { type: 'array', items: { type: 'string' } },
                isTeaser: { type: 'boolean' },
              },
            },
          ],
        },
        Source: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            url: { type: 'string' },
            language: { type: ['string', 'null'] },
            articleCount: { type: 'integer' },
            lastSuccessAt: { type: ['string', 'null'] },
            errorCount: { type: 'integer' },
            lastError: { type: ['string', 'null'] },
            lastErrorCode: { type: ['string', 'null'] },
          },
        },
        EntityChip: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            kind: { type: ['string', 'null'] },
            pagePath: { type: 'string' },
          },
        },
        StorySummary: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            pagePath: { type: 'string' },
            title: { type: 'string' },
            articleCount: { type: 'integer' },
            outletCount: { type: 'integer' },
            languages: { type: 'array', items: { type: 'string' } },
            updatedAt: { type: 'string' },
            latestAt: {
              type: ['string', 'null'],
              description: 'when its newest article was published (top stories only)',
            },
            image: {
              type: ['string', 'null'],
              description: "the newest lead image among its articles, the publisher's address (top stories only)",
            },
            headlines: {
              ...list('ArticleSummary'),
              description: 'newest first, one per outlet, up to three (top stories only)',
            },
          },
        },
        Story: {
          allOf: [
            ref('StorySummary'),
            { type: 'object', properties: { articles: list('ArticleSummary'), entities: list('EntityChip') } },
          ],
        },
        Entity: { allOf: [ref('EntityChip'), { type: 'object', properties: { articles: list('ArticleSummary') } }] },
      },
    },
  };
}
