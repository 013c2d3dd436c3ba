/**
 * The fidelity audit's extraction part, page by page and in total: our extractor over every real
 * non-English page (eval/sets/fidelity.ts), its defects (extraction.ts) and the counts per class that
 * bench/fidelity.ts prints and eval/fidelity.gate.test.ts holds to eval/floors/fidelity.json.
 */
import type { Article } from '../../src/model.js';
import { extractArticle } from '../../src/pipeline/extract/index.js';
import type { AuditPage } from '../sets/fidelity.js';
import { extractionDefects, type ExtractionDefects } from './extraction.js';

export interface PageAudit {
  page: AuditPage;
  article: Article | null;
  error: string | null;
  defects: ExtractionDefects;
}

export function auditPage(page: AuditPage): PageAudit {
  let article: Article | null = null;
  let error: string | null = null;
  try {
    article = extractArticle(page.html, page.url);
  } catch (e) {
    error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
  return { page, article, error, defects: extractionDefects(article, page) };
}

/** One class of defect over the audited pages: pages affected, items found, and their rate. */
export interface ClassCount {
  pages: number;
  items: number;
  /** items over the class's denominator (pages, or paragraphs for furniture). */
  rate: number;
  denominator: number;
}

export type Totals = Record<'lostBody' | 'teaserWrong' | 'furniture' | 'title' | 'byline' | 'caption', ClassCount>;

export function totals(audits: PageAudit[]): Totals {
  const pages = audits.length;
  const perPage = (has: (d: ExtractionDefects) => boolean): ClassCount => {
    const items = audits.filter((a) => has(a.defects)).length;
    return { pages: items, items, rate: items / Math.max(1, pages), denominator: pages };
  };
  const paragraphs = audits.reduce((n, a) => n + a.defects.paragraphs, 0);
  const furnitureItems = audits.reduce((n, a) => n + a.defects.furniture.length, 0);
  return {
    lostBody: perPage((d) => d.lostBody),
    teaserWrong: perPage((d) => d.teaserWrong !== null),
    furniture: {
      pages: audits.filter((a) => a.defects.furniture.length > 0).length,
      items: furnitureItems,
      rate: furnitureItems / Math.max(1, paragraphs),
      denominator: paragraphs,
    },
    title: perPage((d) => d.title !== null),
    byline: perPage((d) => d.byline !== null),
    caption: perPage((d) => d.caption !== null),
  };
}

/** The measurements the floors hold (ceilings: a count may only go down). */
export function floorMeasures(t: Totals): Record<string, number> {
  return {
    lostBodies: t.lostBody.items,
    teaserWrong: t.teaserWrong.items,
    furnitureParagraphs: t.furniture.items,
    titleProblems: t.title.items,
    bylineProblems: t.byline.items,
    captionProblems: t.caption.items,
  };
}
