import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXliff, importXliff, localizedTexts } from '../../scripts/content-xliff-lib.js';
import { placeholderMismatches } from '../../scripts/xliff-placeholders.mjs';

// The content pack's texts through XLIFF, as translators receive and return them.
const root = new URL('../..', import.meta.url).pathname;
const packFile = join(root, 'content', 'ID-KH.json');
const pack = JSON.parse(readFileSync(packFile, 'utf8'));

describe('content pack texts in XLIFF', () => {
  it('exports every localized text once, by its path in the pack, with its source and current translation', () => {
    const texts = localizedTexts(pack);
    assert.ok(texts.length > 100, `${texts.length} texts`);
    const xliff = exportXliff(pack, 'ID-KH.json', 'id', 'km');
    const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)">/g)].map((m) => m[1]);
    assert.equal(ids.length, texts.length);
    assert.equal(new Set(ids).size, ids.length, 'each path once');
    const police = texts.find(({ text }) => text['en']?.startsWith('Cambodian National Police'))!;
    assert.match(police.path, /^hotlines\[\d+\]\.organisation$/);
    assert.ok(
      xliff.includes(
        `<trans-unit id="${police.path}">\n        <source>${police.text['id']}</source>\n        <target state="translated">${police.text['km']}</target>`,
      ),
    );
  });

  for (const locale of ['en', 'km']) {
    it(`${locale}: export, then import, gives back the same pack`, () => {
      const result = importXliff(pack, exportXliff(pack, 'ID-KH.json', 'id', locale));
      assert.deepEqual(result.problems, []);
      assert.equal(result.locale, locale);
      assert.deepEqual(result.pack, pack);
    });
  }

  it('applies an edited translation at its path, with markup kept as text', () => {
    const [first] = localizedTexts(pack);
    const edited = exportXliff(pack, 'ID-KH.json', 'id', 'km').replace(
      `<target state="translated">${first!.text['km']}</target>`,
      '<target state="translated">ឥណ្ឌូនេស៊ី &lt;b&gt;ថ្មី&lt;/b&gt;</target>',
    );
    const result = importXliff(pack, edited);
    assert.deepEqual(result.problems, []);
    assert.equal(localizedTexts(result.pack)[0]!.text['km'], 'ឥណ្ឌូនេស៊ី <b>ថ្មី</b>');
    assert.equal(localizedTexts(pack)[0]!.text['km'], first!.text['km'], 'the pack given is not changed');
  });

  it('reports a missing or empty target, an unknown unit, a changed source and a placeholder mismatch, each with its path', () => {
    const texts = localizedTexts(pack);
    const withPlaceholder = texts.find(({ text }) => /\{operator\}/.test(text['id'] ?? ''))!;
    assert.ok(withPlaceholder, 'the pack has a text with {operator}');
    let xliff = exportXliff(pack, 'ID-KH.json', 'id', 'km');
    const unit = (path: string) => new RegExp(`(<trans-unit id="${path.replace(/[[\].]/g, '\\$&')}">[\\s\\S]*?</trans-unit>)`);
    const [a, b, c] = [texts[0]!, texts[1]!, texts[2]!];
    xliff = xliff.replace(unit(a.path), (m) => m.replace(/<target[^>]*>[\s\S]*?<\/target>/, '<target state="needs-translation"></target>'));
    xliff = xliff.replace(unit(b.path), (m) => m.replace(/\s*<target[^>]*>[\s\S]*?<\/target>/, ''));
    xliff = xliff.replace(unit(c.path), (m) => m.replace(/<source>[\s\S]*?<\/source>/, '<source>Teks lama</source>'));
    // The translator wrote the operator's name out in place of its placeholder.
    xliff = xliff.replace(unit(withPlaceholder.path), (m) =>
      m.replace(
        /(<target[^>]*>)([\s\S]*?)(<\/target>)/,
        (_, open: string, body: string, close: string) => open + body.replace(/\{operator\}/g, 'ប្រតិបត្តិករ') + close,
      ),
    );
    const all = [...(withPlaceholder.text['id'] ?? '').matchAll(/\{[A-Za-z]+\}/g)].map((m) => m[0]).sort();
    const left = all.filter((p) => p !== '{operator}');
    xliff = xliff.replace('</body>', '<trans-unit id="hotlines[99].organisation"><source>x</source><target>y</target></trans-unit></body>');
    const { problems } = importXliff(pack, xliff);
    assert.deepEqual(
      problems.sort(),
      [
        `${a.path}: no km text`,
        `${b.path}: no km text`,
        `${c.path}: the id text changed since this file was made; translate the new one`,
        `${withPlaceholder.path}: the km text has ${left.join(', ') || 'no placeholder'} where the id text has ${all.join(', ')}`,
        'hotlines[99].organisation: not a text of this pack',
      ].sort(),
    );
  });

  it('refuses a file that is not XLIFF, or names no target language', () => {
    assert.match(importXliff(pack, 'not xml <<<').problems.join(), /^not an XLIFF file/);
    assert.match(importXliff(pack, exportXliff(pack, 'ID-KH.json', 'id', 'km').replace(' target-language="km"', '')).problems.join(), /^not an XLIFF file/);
  });

  it('the command refuses a file with a problem and writes nothing; with none and --write it writes the pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-xliff-'));
    try {
      const copy = join(dir, 'ID-KH.json');
      writeFileSync(copy, readFileSync(packFile));
      const run = (...args: string[]) => spawnSync('npx', ['tsx', join(root, 'scripts', 'content-xliff.ts'), ...args], { cwd: root, encoding: 'utf8' });
      assert.equal(run('export', copy, dir).status, 0);
      const km = join(dir, 'ID-KH.km.xlf');
      const [first] = localizedTexts(pack);
      writeFileSync(km, readFileSync(km, 'utf8').replace(`"translated">${first!.text['km']}</target>`, '"needs-translation"></target>'));
      const refused = run('import', copy, km, '--write');
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, new RegExp(`ID-KH\\.km\\.xlf \\(km\\): ${first!.path.replace(/[[\].]/g, '\\$&')}: no km text`));
      assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')), pack);
      writeFileSync(km, readFileSync(km, 'utf8').replace(`"needs-translation"></target>`, `"translated">ឥណ្ឌូនេស៊ី (កែ)</target>`));
      const written = run('import', copy, km, '--write');
      assert.equal(written.status, 0, written.stderr);
      assert.equal(localizedTexts(JSON.parse(readFileSync(copy, 'utf8')))[0]!.text['km'], 'ឥណ្ឌូនេស៊ី (កែ)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('interface strings: placeholders in translations', () => {
  it('the shipped translations keep every placeholder of their source', () => {
    for (const file of ['locales/id.xlf', 'locales/km.xlf', 'locales/desk/id.xlf'])
      assert.deepEqual(placeholderMismatches(readFileSync(join(root, file), 'utf8')), [], file);
  });

  it('names a unit whose translation drops, adds or repeats a placeholder', () => {
    const km = readFileSync(join(root, 'locales', 'km.xlf'), 'utf8');
    const [unit, id] = /<trans-unit id="([^"]+)">(?:(?!<\/trans-unit>)[\s\S])*?<target>[^<]*<x id="0"[^>]*\/>[\s\S]*?<\/trans-unit>/.exec(km)!;
    const dropped = unit.replace(/(<target>[\s\S]*?)<x id="0"[^>]*\/>/, '$1');
    const repeated = unit.replace(/(<target>[\s\S]*?)(<x id="0"[^>]*\/>)/, '$1$2$2');
    assert.deepEqual(
      placeholderMismatches(km.replace(unit, dropped)).map((m) => m.id),
      [id],
    );
    assert.deepEqual(
      placeholderMismatches(km.replace(unit, repeated)).map((m) => m.id),
      [id],
    );
  });
});
