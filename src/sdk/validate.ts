import * as v from 'valibot';
import { LindungiValidationError, type ValidationIssue } from './errors.js';
import { ContentPackSchema, type ContentPack } from './schema.js';

/** `hotlines[2].channels[0].value` from a valibot issue path. */
function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

function formatMessage(issue: v.BaseIssue<unknown>): string {
  // valibot's messages for a missing or unexpected key are long; say what a content editor needs.
  if (issue.kind === 'schema' && issue.received === 'undefined' && issue.type !== 'union') return 'missing';
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field';
  return issue.message;
}

export function toIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue), message: formatMessage(issue) }));
}

/** Validate `input` against `schema`, throwing a `LindungiValidationError` with every issue. */
export function parseWith<T extends v.GenericSchema>(schema: T, input: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (!result.success) throw new LindungiValidationError(toIssues(result.issues), what);
  return result.output;
}

const LOCALIZED_KEYS = new Set(['title', 'summary', 'details', 'description', 'organisation', 'label', 'purpose', 'dataKinds', 'retention', 'rights', 'text']);

/** Every localized text in the pack must have each locale the pack declares. */
function findMissingTranslations(pack: ContentPack): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = (node: unknown, path: string, key: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`, key));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if ((LOCALIZED_KEYS.has(key) || path.startsWith('countries.')) && Object.values(node).every((t) => typeof t === 'string')) {
      for (const locale of pack.locales) {
        if (!(locale in node)) issues.push({ path, message: `missing translation "${locale}"` });
      }
      return;
    }
    for (const [k, child] of Object.entries(node)) walk(child, path ? `${path}.${k}` : k, k);
  };
  walk(pack, '', '');
  return issues;
}

/** Problems that the schema alone cannot see: duplicate ids, unknown category references. */
function findInconsistencies(pack: ContentPack): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const unique = (list: readonly { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: `${name}[${i}].id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  };
  unique(pack.rights, 'rights');
  unique(pack.rightCategories, 'rightCategories');
  unique(pack.timelines, 'timelines');
  unique(pack.hotlines, 'hotlines');
  unique(pack.reportCategories, 'reportCategories');
  unique(pack.safety, 'safety');
  const rightIds = new Set(pack.rights.map((r) => r.id));
  pack.safety.forEach((tip, i) =>
    tip.rights?.forEach((id, j) => {
      if (!rightIds.has(id)) issues.push({ path: `safety[${i}].rights[${j}]`, message: `unknown right "${id}"` });
    }),
  );
  const categories = new Set(pack.rightCategories.map((c) => c.id));
  pack.rights.forEach((right, i) => {
    if (!categories.has(right.category)) {
      issues.push({ path: `rights[${i}].category`, message: `unknown category "${right.category}"` });
    }
  });
  pack.hotlines.forEach((hotline, i) => {
    if (hotline.hours.type === 'weekly') {
      hotline.hours.periods.forEach((period, j) => {
        if (period.close <= period.open) {
          issues.push({ path: `hotlines[${i}].hours.periods[${j}].close`, message: 'closes before it opens' });
        }
      });
    }
  });
  return issues;
}

/** Validate a whole content pack: schema, translations, consistency. */
export function parseContentPack(input: unknown): ContentPack {
  const pack = parseWith(ContentPackSchema, input, 'content pack');
  const issues = [...findMissingTranslations(pack), ...findInconsistencies(pack)];
  if (issues.length) throw new LindungiValidationError(issues, 'content pack');
  return pack;
}
