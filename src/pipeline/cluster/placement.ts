/**
 * Where a new article goes, decided in one place for the `cluster` command (stream.ts) and the server
 * (persist.ts), in this order:
 *   1. a syndicated copy of an article already placed (dedupe found it) joins its original's story,
 *      without being scored (not an article without evidence: two empty texts are no copies);
 *   2. anything else joins the story the clusterer finds most similar, or starts one (alone when its
 *      oddities leave no evidence to join on).
 */
import { type Assignment, type ClusterArticle, type StoryClusterer } from './clusterer.js';
import { withoutEvidence } from './oddities.js';

/** The original a copy was found to repeat, with the clusterer story it is in. */
export interface Original {
  clusterStory: number;
}

export type Placement<O extends Original> =
  { kind: 'copy'; storyId: number; original: O } | { kind: 'story'; storyId: number; assignment: Assignment };

export function placeArticle<O extends Original>(
  clusterer: StoryClusterer,
  article: ClusterArticle,
  oddities: string[],
  findOriginal: () => O | null,
): Placement<O> {
  const original = withoutEvidence(oddities) ? null : findOriginal();
  if (original)
    return { kind: 'copy', storyId: clusterer.addCopy(original.clusterStory, article.publishedAtMs), original };
  const assignment = clusterer.add(article, { alone: withoutEvidence(oddities) });
  return { kind: 'story', storyId: assignment.storyId, assignment };
}
