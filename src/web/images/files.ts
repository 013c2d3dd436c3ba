/**
 * The image cache's files: one directory, a file per (image, width) and a small one per image that
 * failed, with a total size cap. The index (name → size, least recently used first) is read from the
 * directory at open, oldest modified first, and kept in memory (the most used answers are held in
 * memory in front of these files, by hot-images.ts). Writes go to a temporary
 * name and are renamed into place, so a reader (or another web process sharing the directory) never
 * sees half a file; a file another process evicted is a miss here, fetched again.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ImageFiles {
  readonly dir: string;
  has(name: string): boolean;
  /** Marks the file most recently used (an answer from memory: its file must not go first). */
  touch(name: string): void;
  /** The file's bytes (most recently used now), or null when it is not in the cache. */
  read(name: string): Promise<Uint8Array | null>;
  /** Writes the file, then removes least recently used ones until the total is under the cap. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Total bytes of the files in the index. */
  size(): number;
}

export async function openImageFiles(dir: string, maxBytes: number): Promise<ImageFiles> {
  await mkdir(dir, { recursive: true });
  const sizes = new Map<string, number>(); // insertion order = least recently used first
  let total = 0;
  for (const { name, size } of await listFiles(dir)) {
    sizes.set(name, size);
    total += size;
  }
  const touch = (name: string, size: number) => {
    sizes.delete(name);
    sizes.set(name, size);
  };
  const drop = (name: string) => {
    total -= sizes.get(name) ?? 0;
    sizes.delete(name);
  };
  const evict = async (keep: string) => {
    for (const [name] of sizes) {
      if (total <= maxBytes) break;
      if (name === keep) continue;
      drop(name);
      await unlink(join(dir, name)).catch(() => undefined);
    }
  };

  return {
    dir,
    has: (name) => sizes.has(name),
    touch(name) {
      const size = sizes.get(name);
      if (size !== undefined) touch(name, size);
    },
    size: () => total,
    async read(name) {
      const size = sizes.get(name);
      if (size === undefined) return null;
      touch(name, size);
      try {
        return await readFile(join(dir, name));
      } catch {
        drop(name); // removed by another process sharing the directory
        return null;
      }
    },
    async write(name, bytes) {
      const temporary = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, bytes);
      await rename(temporary, join(dir, name));
      drop(name);
      sizes.set(name, bytes.length);
      total += bytes.length;
      await evict(name);
    },
  };
}

/** The cache's files, oldest modified first (dot files, the secret and temporaries, are not cached images). */
async function listFiles(dir: string): Promise<{ name: string; size: number }[]> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  const files = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name)).catch(() => null);
      return info?.isFile() ? { name, size: info.size, modified: info.mtimeMs } : null;
    }),
  );
  return files.filter((f) => f !== null).sort((a, b) => a.modified - b.modified);
}
