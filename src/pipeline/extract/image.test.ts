import { describe, expect, it } from 'vitest';
import { cleanCaption } from './image.js';

describe('image captions', () => {
  it('drops upload file names and dangling credit labels, keeps the caption and real credits', () => {
    expect(cleanCaption('IMG_20261112_0934.jpg Vista del puerto al amanecer')).toBe('Vista del puerto al amanecer');
    expect(cleanCaption('IMG_20261112_0934.jpg')).toBeNull();
    expect(cleanCaption('Le port au lever du jour — Photo')).toBe('Le port au lever du jour');
    expect(cleanCaption('Der Hafen am Morgen. Foto:')).toBe('Der Hafen am Morgen.');
    expect(cleanCaption('Foto:')).toBeNull();
    expect(cleanCaption('El puerto. Foto: Ana Ruiz')).toBe('El puerto. Foto: Ana Ruiz');
    expect(cleanCaption('A photo of the harbour at dawn')).toBe('A photo of the harbour at dawn');
    expect(cleanCaption('Children pose for a photo')).toBe('Children pose for a photo');
  });
});
