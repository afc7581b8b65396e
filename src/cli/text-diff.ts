// A unified line diff (Myers' O(ND) algorithm) for `eval --output diff`.

type Edit = { kind: ' ' | '-' | '+'; line: string };

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ kind: ' ', line: a[--x] }), y--;
    if (d > 0) {
      if (x === prevX) edits.push({ kind: '+', line: b[--y] });
      else edits.push({ kind: '-', line: a[--x] });
    }
  }
  return edits.reverse();
}

/** A unified diff with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const edits = myers(a, b);
  if (edits.every((e) => e.kind === ' ')) return '';
  let out = `--- ${fromName}\n+++ ${toName}\n`;
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < edits.length) {
    if (edits[i].kind === ' ') {
      i++, aLine++, bLine++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    while (end < edits.length) {
      let j = end;
      while (j < edits.length && edits[j].kind === ' ') j++;
      if (j >= edits.length || j - end > 2 * context) break;
      end = j + 1;
    }
    end = Math.min(edits.length, end + context);
    const lead = i - start;
    const hunk = edits.slice(start, end);
    const aStart = aLine - lead;
    const bStart = bLine - lead;
    const aCount = hunk.filter((e) => e.kind !== '+').length;
    const bCount = hunk.filter((e) => e.kind !== '-').length;
    out += `@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`;
    for (const e of hunk) out += `${e.kind}${e.line}\n`;
    for (let k = i; k < end; k++) {
      if (edits[k].kind !== '+') aLine++;
      if (edits[k].kind !== '-') bLine++;
    }
    i = end;
  }
  return out;
}
