/** A run of characters of one subject that either matches the other subject or differs. */
export interface SubjectSegment {
  text: string;
  differs: boolean;
}

/** Two subjects compared character by character, for the report to highlight. */
export interface SubjectDiff {
  left: SubjectSegment[];
  right: SubjectSegment[];
  /** Zero-based positions where the characters differ, as inclusive ranges. */
  ranges: [number, number][];
  sameLength: boolean;
}

/**
 * Compares two subjects position by position. Subjects of one scheme have one length, so the
 * positions that differ are exactly the part a target must have ignored to merge them; subjects of
 * different lengths are compared by their longest common prefix and suffix instead.
 */
export function diffSubjects(left: string, right: string): SubjectDiff {
  if (left.length !== right.length) return diffByAffixes(left, right);

  const differs = [...left].map((char, i) => char !== right[i]);
  return {
    left: segments(left, differs),
    right: segments(right, differs),
    ranges: rangesOf(differs),
    sameLength: true,
  };
}

function diffByAffixes(left: string, right: string): SubjectDiff {
  let prefix = 0;
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < left.length - prefix &&
    suffix < right.length - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  ) {
    suffix++;
  }
  const mark = (text: string) => [...text].map((_, i) => i >= prefix && i < text.length - suffix);
  const leftMarks = mark(left);
  return {
    left: segments(left, leftMarks),
    right: segments(right, mark(right)),
    ranges: rangesOf(leftMarks),
    sameLength: false,
  };
}

function segments(text: string, differs: boolean[]): SubjectSegment[] {
  const out: SubjectSegment[] = [];
  for (const [i, char] of [...text].entries()) {
    const last = out.at(-1);
    if (last && last.differs === differs[i]) last.text += char;
    else out.push({ text: char, differs: differs[i] ?? false });
  }
  return out;
}

function rangesOf(differs: boolean[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [i, differ] of differs.entries()) {
    if (!differ) continue;
    const last = ranges.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else ranges.push([i, i]);
  }
  return ranges;
}

/** `characters 0-5 and 7`, for a sentence. */
export function describeRanges(ranges: [number, number][]): string {
  const parts = ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
  if (parts.length === 0) return 'no characters';
  const noun = parts.length === 1 && ranges[0]![0] === ranges[0]![1] ? 'character' : 'characters';
  if (parts.length === 1) return `${noun} ${parts[0]}`;
  return `${noun} ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
