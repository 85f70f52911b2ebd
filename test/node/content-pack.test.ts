import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseContentPack, pickText, slicePack, LindungiValidationError } from '../../src/sdk/index.js';
import { editorialProblems } from '../../scripts/content-rules.js';
import { shippedPack } from '../support/pack.js';

const shipped = shippedPack;

/** The issues `parseContentPack` reports for `pack`, as `path: message` lines. */
function issuesOf(pack: unknown): string[] {
  try {
    parseContentPack(pack);
  } catch (error) {
    assert.ok(error instanceof LindungiValidationError, `expected a validation error, got ${String(error)}`);
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  assert.fail('the pack was accepted');
}

describe('the pack in one locale (slicePack)', () => {
  it("shows each reader exactly what the whole pack shows them, in each of the pack's locales and one it lacks", () => {
    const whole = parseContentPack(shipped());
    const texts = (pack: unknown, locale: string): string[] => {
      const out: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const values = Object.values(node);
          if (values.length && values.every((v) => typeof v === 'string') && Object.keys(node).every((k) => whole.locales.includes(k)))
            out.push(pickText(node as Record<string, string>, locale));
          else values.forEach(walk);
        }
      };
      walk(pack);
      return out;
    };
    for (const locale of [...whole.locales, 'fr', 'ms-MY']) {
      const slice = parseContentPack(slicePack(shipped(), locale));
      assert.deepEqual(texts(slice, locale), texts(whole, locale), locale);
      assert.deepEqual(
        slice.hotlines[0]!.channels.map((c) => ('value' in c ? c.value : c.type)),
        whole.hotlines[0]!.channels.map((c) => ('value' in c ? c.value : c.type)),
      );
      assert.deepEqual(slice.locales, [locale === 'fr' ? 'id' : locale.slice(0, 2)]);
    }
  });
});

describe('the shipped ID-KH content pack', () => {
  it('is valid and complete in id, en, km, ms and ar', () => {
    const pack = parseContentPack(shipped());
    assert.deepEqual(pack.locales, ['id', 'en', 'km', 'ms', 'ar']);
    assert.equal(pack.rights.length, 13);
  });

  it('cites UU 18/2017 Pasal 6 ayat (1) huruf a to m, one right each', () => {
    const citations = shipped().rights.map((r) => r.legalBasis.citation);
    assert.deepEqual(
      citations,
      'abcdefghijklm'.split('').map((letter) => `UU 18/2017 Pasal 6 ayat (1) huruf ${letter}`),
    );
  });

  it('has the agreement at negotiation, with every later stage not started', () => {
    const agreement = shipped().timelines.find((t) => t.id === 'agreement-id-kh')!;
    assert.deepEqual(
      agreement.stages.map((s) => [s.id, s.status]),
      [
        ['negotiation', 'current'],
        ['signing', 'not-started'],
        ['implementation', 'not-started'],
        ['monitoring', 'not-started'],
      ],
    );
  });

  it('lists only the sourced contact numbers, with unknown hours', () => {
    const values = shipped().hotlines.flatMap((h) => h.channels.flatMap((c) => (c.type === 'in-person' ? [] : [c.value])));
    assert.deepEqual(
      values.sort(),
      ['+622129244800', '+628118080141', '08001000', '1708', '117', 'https://siskop2mi.bp2mi.go.id', 'https://www.lapor.go.id'].sort(),
    );
    for (const hotline of shipped().hotlines) assert.equal(hotline.hours.type, 'unknown');
  });

  it('has help inside Cambodia: police hotline 117 (only from inside Cambodia, not answered in Indonesian) and the embassy in person, each sourced', () => {
    const kh = shipped().hotlines.filter((h) => h.country === 'KH');
    assert.deepEqual(
      kh.map((h) => h.id),
      ['cambodia-police-117', 'kbri-phnom-penh'],
    );
    const [police, embassy] = kh;
    assert.deepEqual(police.channels, [{ type: 'phone', value: '117', reach: 'domestic' }]);
    assert.deepEqual(police.languages, ['vi', 'en', 'zh']);
    assert.equal(police.source.published, '2022-08-31');
    const [place] = embassy.channels;
    assert.equal(place.type, 'in-person');
    assert.ok(place.type === 'in-person' && place.source.published === '2020-08-19' && !place.mapUrl, 'a place with its source and no invented map link');
    for (const h of kh) assert.deepEqual([h.hours.type, h.emergency, h.verified], ['unknown', true, '2026-12-01']);
  });

  it('has the report categories of the report form', () => {
    assert.deepEqual(
      shipped().reportCategories.map((c) => c.id),
      [
        'recruitment-fraud',
        'forced-scam-work',
        'trafficking',
        'unpaid-wages',
        'document-retention',
        'violence',
        'detention',
        'illness-accident',
        'want-to-return',
        'other',
      ],
    );
  });
});

describe('content pack validation rejects bad data, naming the path', () => {
  it('a hotline without a source', () => {
    const pack = shipped();
    delete (pack.hotlines[1] as Partial<(typeof pack.hotlines)[number]>).source;
    assert.deepEqual(issuesOf(pack), ['hotlines[1].source: missing']);
  });

  it('a hotline without a verified date', () => {
    const pack = shipped();
    delete (pack.hotlines[0] as Partial<(typeof pack.hotlines)[number]>).verified;
    assert.deepEqual(issuesOf(pack), ['hotlines[0].verified: missing']);
  });

  it('a text missing one of the pack locales', () => {
    const pack = shipped();
    delete (pack.rights[9].summary as Record<string, string>)['km'];
    assert.deepEqual(issuesOf(pack), ['rights[9].summary: missing translation "km"']);
  });

  it('a bad time zone', () => {
    const pack = shipped();
    pack.hotlines[0].hours = { type: 'weekly', timeZone: 'Asia/Atlantis', periods: [{ days: [1], open: '08:00', close: '17:00' }] };
    assert.deepEqual(issuesOf(pack), ['hotlines[0].hours.timeZone: not an IANA time zone']);
  });

  it('a phone number that is not E.164', () => {
    const pack = shipped();
    pack.hotlines[0].channels[0] = { type: 'phone', value: '021-2924-4800', reach: 'international' };
    assert.deepEqual(issuesOf(pack), ['hotlines[0].channels[0].value: not an E.164 phone number']);
  });

  it('a national number not marked as reachable only inside its country', () => {
    const pack = shipped();
    pack.hotlines[1].channels[1] = { type: 'sms', value: '1708', reach: 'international' };
    assert.deepEqual(issuesOf(pack), ['hotlines[1].channels[1].value: not an E.164 phone number']);
  });

  it('a displayed number whose digits differ from the dialled one', () => {
    const pack = shipped();
    pack.hotlines[0].channels[0] = { type: 'phone', value: '+622129244800', display: '+62 21 2924 4801', reach: 'international' };
    assert.deepEqual(issuesOf(pack), ['hotlines[0].channels[0].display: digits differ from value']);
  });

  it('a place to go in person without a source, or with an invented map link that is not https', () => {
    const pack = shipped();
    const embassy = pack.hotlines.findIndex((h) => h.id === 'kbri-phnom-penh');
    const place = pack.hotlines[embassy].channels[0] as Record<string, unknown>;
    delete place.source;
    assert.deepEqual(issuesOf(pack), [`hotlines[${embassy}].channels[0].source: missing`]);
    place.source = { publisher: 'someone' };
    place.mapUrl = 'http://maps.example/x';
    assert.deepEqual(issuesOf(pack).sort(), [
      `hotlines[${embassy}].channels[0].mapUrl: not an https URL`,
      `hotlines[${embassy}].channels[0].source: needs the date of the statement (published) or the page that holds it (url)`,
    ]);
  });

  it('a line answered only in languages the pack does not ship, unless the pack says so on purpose', () => {
    const pack = shipped();
    const police = pack.hotlines.findIndex((h) => h.id === 'cambodia-police-117');
    pack.hotlines[police].languages = ['vi', 'zh'];
    assert.deepEqual(editorialProblems(pack), [
      `hotlines[${police}].languages: vi, zh leave out every locale of the pack (id, en, km, ms, ar); set languagesOutsidePack: true if that is on purpose`,
    ]);
    pack.hotlines[police].languagesOutsidePack = true;
    assert.deepEqual(editorialProblems(pack), []);
    assert.deepEqual(editorialProblems(shipped()), []);
  });

  it('a translation whose placeholders are not those of the Indonesian text, named by its path and locale', () => {
    const pack = shipped();
    const consent = pack.consent as unknown as Record<string, Record<string, string>>;
    const field = Object.keys(consent).find((key) => /\{operator\}/.test(consent[key]?.['id'] ?? ''))!;
    assert.ok(field, 'the consent names the operator by its placeholder');
    consent[field]!['km'] = consent[field]!['km']!.replaceAll('{operator}', 'អង្គការ');
    consent[field]!['en'] = `${consent[field]!['en']} {ticket}`;
    const problems = editorialProblems(pack).filter((p) => p.startsWith(`consent.${field}.`));
    assert.equal(problems.length, 2, problems.join(' | '));
    assert.match(
      problems.find((p) => p.startsWith(`consent.${field}.km:`))!,
      /has the placeholders .* where the id text has .*\{operator\}/,
    );
    assert.match(
      problems.find((p) => p.startsWith(`consent.${field}.en:`))!,
      /\{ticket\}/,
    );
  });

  it('a web channel that is not https', () => {
    const pack = shipped();
    pack.hotlines[1].channels[0] = { type: 'web', value: 'http://www.lapor.go.id' };
    assert.deepEqual(issuesOf(pack), ['hotlines[1].channels[0].value: not an https URL']);
  });

  it('hours that close before they open', () => {
    const pack = shipped();
    pack.hotlines[0].hours = { type: 'weekly', timeZone: 'Asia/Jakarta', periods: [{ days: [1], open: '17:00', close: '08:00' }] };
    assert.deepEqual(issuesOf(pack), ['hotlines[0].hours.periods[0].close: closes before it opens']);
  });

  it('an unknown field', () => {
    const pack = shipped();
    (pack.hotlines[1] as unknown as Record<string, unknown>)['fax'] = '+62';
    assert.deepEqual(issuesOf(pack), ['hotlines[1].fax: unknown field']);
  });

  it('duplicate ids and a right in an unknown category', () => {
    const pack = shipped();
    pack.rights[1].id = pack.rights[0].id;
    pack.rights[2].category = 'no-such-category';
    assert.deepEqual(issuesOf(pack), ['rights[1].id: duplicate id "choose-work"', 'rights[2].category: unknown category "no-such-category"']);
  });

  it('an unknown stage status', () => {
    const pack = shipped();
    (pack.timelines[0].stages[0] as { status: string }).status = 'finished';
    assert.deepEqual(issuesOf(pack), ['timelines[0].stages[0].status: not one of done, current, upcoming, blocked, not-started']);
  });

  it('names the unsourced and the stale: a help line needs a dated source or the page that holds it, and old sources are flagged', () => {
    const pack = shipped();
    pack.hotlines[0].source = { publisher: 'somewhere.example' };
    assert.deepEqual(issuesOf(pack), ['hotlines[0].source: needs the date of the statement (published) or the page that holds it (url)']);

    // `npm run check:content` passes the shipped pack but says which numbers need checking again.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts'], { encoding: 'utf8', cwd: new URL('../..', import.meta.url) });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /hotlines\[0\] \(kp2mi-call-centre\): the source is from 2025-04-10, more than 12 months ago/);
    assert.match(run.stderr, /hotlines\[1\] \(sp4n-lapor\): the source gives no date/);
  });
});

describe('the words of the shipped pack', () => {
  it('say what the software does and nothing the facts do not hold', () => {
    const pack = shipped();
    for (const locale of ['id', 'en', 'km', 'ms', 'ar']) {
      // Withdrawal is cancelling at the organisation, from the phone that sent it — not erasing from this device.
      const withdrawal = pack.consent.withdrawal[locale];
      assert.ok(
        !/dari perangkat ini|from this device|ពីឧបករណ៍នេះ|daripada peranti ini|من هذا الجهاز/.test(withdrawal),
        `${locale}: withdrawal reads as erasing from this device`,
      );
      // Retention applies to resolved and closed reports, not withdrawn ones (those are erased at once).
      assert.ok(!/ditarik|withdrawn|ដកវិញ|سحب/.test(pack.consent.retention[locale]), `${locale}: retention names withdrawn reports`);
      // No agreement between Indonesia and Cambodia exists: the right says so.
      const wages = pack.rights.find((r) => r.id === 'fair-wages')!.summary[locale];
      assert.match(wages, /belum punya|do not have one yet|មិនទាន់មាន|belum mempunyai|لا يوجد بعد/, `${locale}: the wages right implies an agreement`);
    }
    assert.equal(pack.rights.find((r) => r.id === 'keep-documents')!.title.id, 'Memegang paspor sendiri');
    // One digit system in Khmer texts: Latin, as Intl writes numbers in Khmer.
    assert.deepEqual(JSON.stringify(pack).match(/[\u17e0-\u17e9]/g), null);
  });
});

describe('the glossary: one term per idea (locales/glossary.json)', () => {
  it('flags every avoided word of every term, but not the same letters inside the term itself', async () => {
    const { avoidedIn, glossaryTerms } = await import('../../scripts/glossary.mjs');
    let checked = 0;
    for (const [locale, terms] of Object.entries(glossaryTerms)) {
      for (const { use, avoid } of terms) {
        assert.deepEqual(avoidedIn(locale, `${use}.`), [], `${locale}: the term "${use}" is not an avoided word`);
        for (const word of avoid) {
          assert.ok(avoidedIn(locale, `Ini ${word.toUpperCase()} di sini.`).includes(`"${word}" (use "${use}")`), `${locale}: "${word}"`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 25, `${checked} avoided words`);
    assert.deepEqual(avoidedIn('id', 'Salin nomor tiketnya.'), []);
    assert.deepEqual(avoidedIn('id', 'Pengaduan online'), [], 'whole words only: "aduan" inside "pengaduan" is not counted');
    assert.deepEqual(avoidedIn('en', 'luring'), [], 'a word is avoided in its own locale only');
    // Khmer is written without spaces between words, so its words are matched inside a run of text.
    assert.deepEqual(avoidedIn('km', 'ការត្រឡប់មកផ្ទះវិញ'), ['"ត្រឡប់មក" (use "ត្រឡប់ទៅ…វិញ")']);
  });

  it('fails on the words the texts used before they were made plain and consistent', async () => {
    const { avoidedIn } = await import('../../scripts/glossary.mjs');
    const before = {
      'Periksa sambungan Anda dan coba lagi.': 'sambungan',
      'Tidak ada laporan dengan tiket ABC.': 'tiket',
      'Anda berhak menguasai sendiri dokumen perjalanan.': 'menguasai',
      'sesuai dengan kompetensi Anda': 'kompetensi',
      'tindakan yang dapat merendahkan harkat dan martabat': 'harkat dan martabat',
      'Upah yang layak': 'upah',
      'Memahami perjanjian kerja': 'perjanjian kerja',
      'Data dikirim melalui sambungan terenkripsi': 'terenkripsi',
      'kepada instansi dan organisasi Indonesia': 'instansi',
      'Anda berhak berserikat dan berkumpul': 'berserikat',
      'Pelindungan sepanjang perjalanan kerja Anda': 'perjalanan kerja',
      'Anda sedang luring.': 'luring',
    };
    for (const [text, word] of Object.entries(before)) {
      assert.ok(
        avoidedIn('id', text).some((found: string) => found.startsWith(`"${word}"`)),
        `${text} → ${word}`,
      );
    }
  });

  it('names the path of an avoided word in the pack, and finds none in the shipped pack or translations', async () => {
    const { avoidedIn } = await import('../../scripts/glossary.mjs');
    const pack = shipped();
    pack.rights[0].title.id = 'Menguasai dokumen perjalanan sendiri';
    assert.deepEqual(editorialProblems(pack), ['rights[0].title.id: uses the avoided word "menguasai" (use "memegang")']);
    assert.deepEqual(editorialProblems(shipped()), []);
    for (const [file, locale] of [
      ['../../locales/id.xlf', 'id'],
      ['../../locales/desk/id.xlf', 'id'],
      ['../../locales/km.xlf', 'km'],
    ] as const) {
      const targets = [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/<target>([\s\S]*?)<\/target>/g)].map((m) => m[1]);
      assert.deepEqual(
        targets.flatMap((t) => avoidedIn(locale, t)),
        [],
        file,
      );
    }
  });

  it('names the operator in the consent rather than an unnamed "we"', () => {
    const pack = shipped();
    for (const field of ['basis', 'purpose'] as const) {
      for (const [locale, text] of Object.entries(pack.consent[field])) assert.match(text, /\{operator\}/, `consent.${field}.${locale}`);
    }
    assert.doesNotMatch(JSON.stringify(pack.consent.basis), /\bKami\b|\bWe\b/);
    pack.consent.purpose.id = 'Kami menggunakan isian Anda hanya untuk menangani laporan Anda.';
    assert.throws(
      () => parseContentPack(pack),
      (error: unknown) => error instanceof LindungiValidationError && /consent\.purpose/.test(error.message),
    );
  });
});
