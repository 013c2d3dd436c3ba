/**
 * Translation services over HTTP, behind TranslationEngine: LibreTranslate, DeepL and any
 * OpenAI-compatible chat-completions endpoint (vLLM, Ollama, llama.cpp). Each keeps empty inputs
 * empty, sends names protected (`translate="no"` spans, or the system prompt), and fails with a
 * HappeningsError naming the engine. Request and answer shapes follow each service's API docs.
 */
import { expectStrings, HttpClient, mapLimited, type HttpOptions } from './http-engine.js';
import { htmlToText, protectAsHtml, protectHtml, unprotectHtml } from './protect-html.js';
import type { TranslationEngine } from './types.js';

/** Translates the non-empty texts with `run`, putting empty ones back in their places. */
async function nonEmpty(texts: string[], run: (texts: string[]) => Promise<string[]>): Promise<string[]> {
  const wanted = texts.filter((t) => t.trim());
  const out = wanted.length ? await run(wanted) : [];
  let next = 0;
  return texts.map((t) => (t.trim() ? out[next++]! : t));
}

/**
 * What LibreTranslate and DeepL share: both take a batch of HTML strings, so plain text goes in as
 * HTML with its names protected and comes back as text; subclasses say how one batch is sent.
 */
abstract class HtmlBatchEngine implements TranslationEngine {
  abstract readonly name: string;
  abstract version(): Promise<string>;
  abstract supports(from: string, to: string): Promise<boolean>;
  protected abstract translate(html: string[], from: string, to: string): Promise<string[]>;

  translateTexts(texts: string[], from: string, to: string): Promise<string[]> {
    return nonEmpty(texts, async (wanted) =>
      (await this.translate(wanted.map(protectAsHtml), from, to)).map(htmlToText),
    );
  }

  async translateHtml(html: string, from: string, to: string): Promise<string> {
    if (!html.trim()) return html;
    return unprotectHtml((await this.translate([protectHtml(html)], from, to))[0]!);
  }

  close = async () => undefined;
}

/** LibreTranslate: POST /translate {q, source, target, format, api_key} → {translatedText}. */
export class LibreTranslateEngine extends HtmlBatchEngine {
  readonly name = 'libretranslate';
  private readonly client: HttpClient;
  private languages: Promise<{ code: string; targets?: string[] }[]> | null = null;

  constructor(private readonly options: HttpOptions) {
    super();
    this.client = new HttpClient(this.name, options);
  }

  version = async () => 'api';

  async supports(from: string, to: string): Promise<boolean> {
    this.languages ??= this.client
      .json('/languages')
      .then((l) => (Array.isArray(l) ? (l as { code: string; targets?: string[] }[]) : []));
    try {
      const source = (await this.languages).find((l) => l.code === from);
      return Boolean(source && (source.targets ?? [to]).includes(to));
    } catch {
      this.languages = null;
      return false;
    }
  }

  protected async translate(q: string[], source: string, target: string): Promise<string[]> {
    const body = {
      q,
      source,
      target,
      format: 'html',
      ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}),
    };
    const answer = (await this.client.json('/translate', { body })) as { translatedText?: unknown };
    return expectStrings(this.client, answer?.translatedText, q.length);
  }
}

/** DeepL: POST /v2/translate {text[], source_lang, target_lang, tag_handling} → {translations[{text}]}. */
export class DeepLEngine extends HtmlBatchEngine {
  readonly name = 'deepl';
  private readonly client: HttpClient;
  private languages: Promise<[string[], string[]]> | null = null;

  constructor(private readonly options: HttpOptions) {
    super();
    this.client = new HttpClient(this.name, options);
  }

  version = async () => 'v2';

  async supports(from: string, to: string): Promise<boolean> {
    const list = (type: string) =>
      this.client
        .json(`/v2/languages?type=${type}`, { headers: this.auth() })
        .then((l) => (Array.isArray(l) ? l.map((x: { language: string }) => x.language.toUpperCase()) : []));
    this.languages ??= Promise.all([list('source'), list('target')]);
    try {
      const [sources, targets] = await this.languages;
      return sources.includes(from.toUpperCase()) && targets.includes(deeplTarget(to));
    } catch {
      this.languages = null;
      return false;
    }
  }

  private auth(): Record<string, string> {
    return this.options.apiKey ? { authorization: `DeepL-Auth-Key ${this.options.apiKey}` } : {};
  }

  protected async translate(texts: string[], from: string, to: string): Promise<string[]> {
    // DeepL takes at most 50 texts per request.
    const batches = Array.from({ length: Math.ceil(texts.length / 50) }, (_, i) => texts.slice(i * 50, i * 50 + 50));
    const results = await mapLimited(batches, 2, async (text) => {
      const body = { text, source_lang: from.toUpperCase(), target_lang: deeplTarget(to), tag_handling: 'html' };
      const answer = (await this.client.json('/v2/translate', { body, headers: this.auth() })) as {
        translations?: { text?: unknown }[];
      };
      return expectStrings(
        this.client,
        Array.isArray(answer?.translations) ? answer.translations.map((t) => t?.text) : undefined,
        text.length,
      );
    });
    return results.flat();
  }
}

/** DeepL wants a variant for English and Portuguese targets. */
function deeplTarget(language: string): string {
  return ({ en: 'EN-GB', pt: 'PT-PT' } as Record<string, string>)[language] ?? language.toUpperCase();
}

export interface OpenAiOptions extends HttpOptions {
  model: string;
  /** Requests at once (a local server serves few). */
  concurrency?: number;
}

const languageNames: Record<string, string> = {
  ca: 'Catalan',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  eu: 'Basque',
  fr: 'French',
  gl: 'Galician',
  it: 'Italian',
  nl: 'Dutch',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  uk: 'Ukrainian',
  zh: 'Chinese',
  ja: 'Japanese',
  ar: 'Arabic',
};

/** The system prompt: the translation only, names, numbers and markup kept. */
export function translationPrompt(from: string, to: string): string {
  return [
    `You are a translation engine. Translate the user's ${languageNames[from] ?? from} text into ${languageNames[to] ?? to}.`,
    'Answer with the translation only: no preamble, no notes, no quotation marks around it.',
    'The text is HTML: keep every tag and attribute exactly as written and in place, keep entities such as &amp; as they are, and translate only the text between tags.',
    'Copy every <span translate="no">…</span> unchanged, the words inside it included.',
    "Keep every other person's, place's and organisation's name exactly as written, unless the target language has a well-established form of it (Moskva → Moscow).",
    'Keep numbers, dates, amounts, URLs and e-mail addresses exactly as written.',
  ].join('\n');
}

/** OpenAI-compatible: POST /chat/completions {model, messages, temperature} → {choices[{message{content}}]}. */
export class OpenAiEngine implements TranslationEngine {
  readonly name = 'openai';
  private readonly client: HttpClient;

  constructor(private readonly options: OpenAiOptions) {
    this.client = new HttpClient(this.name, options);
  }

  version = async () => this.options.model;

  supports = async (from: string, to: string) => from !== to && from in languageNames && to in languageNames;

  translateTexts(texts: string[], from: string, to: string): Promise<string[]> {
    // Sent as HTML with names in translate="no" spans, which the prompt says to copy unchanged.
    const one = async (t: string) => htmlToText(await this.complete(protectAsHtml(t), from, to));
    return nonEmpty(texts, (wanted) => mapLimited(wanted, this.options.concurrency ?? 2, one));
  }

  async translateHtml(html: string, from: string, to: string): Promise<string> {
    return html.trim() ? unprotectHtml(await this.complete(protectHtml(html), from, to)) : html;
  }

  close = async () => undefined;

  private async complete(text: string, from: string, to: string): Promise<string> {
    const body = {
      model: this.options.model,
      temperature: 0,
      messages: [
        { role: 'system', content: translationPrompt(from, to) },
        { role: 'user', content: text },
      ],
    };
    const headers: Record<string, string> = this.options.apiKey
      ? { authorization: `Bearer ${this.options.apiKey}` }
      : {};
    const answer = (await this.client.json('/chat/completions', { body, headers })) as {
      choices?: { message?: { content?: unknown } }[];
    };
    const content = answer?.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim()) throw this.client.error('answered with no translation');
    return content.trim();
  }
}
