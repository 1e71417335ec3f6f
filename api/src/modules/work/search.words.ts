import { QueryTypes, type Sequelize } from 'sequelize';

/** What job search looks for after reading the query. */
export interface SearchText {
  /** The accent-free words of the query, misspelt ones replaced by the nearest word of published postings. */
  words: string[];
  /** The words joined, when a word was corrected (the UI says "showing results for …"); else null. */
  corrected: string | null;
}

/**
 * Reads the query word by word against job_words (migration 0020): a word no published posting uses, of at
 * least 4 letters, becomes the nearest word that one does — at most one edit away (two from 6 letters on), the
 * most similar then the most used first. Shorter words are left alone: Vietnamese syllables of 2–3 letters are
 * mostly one edit from another real syllable, so "correcting" them would change the meaning.
 */
export async function readQuery(sequelize: Sequelize, q: string): Promise<SearchText> {
  const rows = await sequelize.query<{ w: string; word: string }>(
    `SELECT q.w, COALESCE(
        (SELECT j.word FROM job_words j WHERE j.word = q.w),
        (SELECT j.word FROM job_words j
          WHERE length(q.w) >= 4 AND q.w ~ '^[[:alpha:]]+$'
            AND length(j.word) BETWEEN length(q.w) - 2 AND length(q.w) + 2
            AND levenshtein_less_equal(j.word, q.w, 2) <= CASE WHEN length(q.w) >= 6 THEN 2 ELSE 1 END
          ORDER BY levenshtein_less_equal(j.word, q.w, 2), similarity(j.word, q.w) DESC, j.postings DESC, j.word
          LIMIT 1),
        q.w) AS word
     FROM unnest(regexp_split_to_array(f_unaccent(lower(:q)), '[^[:alnum:]]+')) WITH ORDINALITY AS q(w, i)
     WHERE q.w <> '' ORDER BY q.i`,
    { replacements: { q }, type: QueryTypes.SELECT },
  );
  const words = rows.map((r) => r.word);
  return { words, corrected: rows.some((r) => r.w !== r.word) ? words.join(' ') : null };
}

/** `%text%` for LIKE, with LIKE's own characters escaped. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
