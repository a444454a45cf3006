import Papa from 'papaparse';
import { z } from 'zod';

/**
 * The detailed usage CSV GitHub e-mails to billing managers. Unlike the REST report it names the
 * user, which makes per-member cost exact. Both of GitHub's layouts are read (the current one:
 * `date,product,sku,quantity,unit_type,…,net_amount,username,organization,repository,…`; the older
 * metered one: `Date,Product,SKU,Quantity,Unit Type,Price Per Unit ($),Multiplier,Owner,Repository Slug,Username,…`).
 * Every row is validated; a bad row is reported by its line number and left out, never guessed.
 */

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'username is not a GitHub login');
const amount = (name: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/^\$/, ''))
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, `${name} is not a number`))
    .transform(Number);

const rowSchema = z.object({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'date is not YYYY-MM-DD')
    .transform((s) => s.slice(0, 10))
    .refine((s) => !Number.isNaN(Date.parse(s)), 'date does not exist'),
  product: z.string().trim().min(1, 'product is empty'),
  sku: z.string().trim().min(1, 'sku is empty'),
  quantity: amount('quantity').pipe(z.number().min(0, 'quantity is negative')),
  unitType: z.string().trim(),
  netAmount: amount('net amount'),
  username: login,
  organization: z.string().trim(),
  repository: z.string().trim(),
});
export type UsageCsvRow = z.infer<typeof rowSchema> & { line: number };

export interface UsageCsvResult {
  rows: UsageCsvRow[];
  errors: { line: number; message: string }[];
  /** Rows of other products (Actions, Packages…), read and set aside. */
  otherProducts: number;
}

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Picks the fields Hangar needs out of either layout. */
function fields(record: Record<string, string>) {
  const get = (...names: string[]) => names.map((n) => record[n]).find((v) => v !== undefined);
  const quantity = get('quantity');
  let net = get('net_amount');
  if (net === undefined) {
    // The older layout has no amount: price × quantity × multiplier.
    const price = Number((get('price_per_unit') ?? '').replace('$', ''));
    const multiplier = Number(get('multiplier') ?? '1');
    // Rounded to micro-dollars, so 0.18 × 5 is 0.9 and not 0.8999999999999999.
    net =
      Number.isFinite(price) && quantity !== undefined
        ? String(Math.round(price * Number(quantity) * (Number.isFinite(multiplier) ? multiplier : 1) * 1e6) / 1e6)
        : undefined;
  }
  return {
    date: get('date') ?? '',
    product: get('product') ?? '',
    sku: get('sku') ?? '',
    quantity: quantity ?? '',
    unitType: get('unit_type') ?? '',
    netAmount: net ?? '',
    username: get('username', 'user', 'actor') ?? '',
    organization: get('organization', 'owner') ?? '',
    repository: get('repository', 'repository_slug') ?? '',
  };
}

const REQUIRED_COLUMNS = ['date', 'product', 'sku', 'quantity', 'username'];

export function parseUsageCsv(text: string): UsageCsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normalise,
  });
  const result: UsageCsvResult = { rows: [], errors: [], otherProducts: 0 };
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    result.errors.push({
      line: 1,
      message: `Not a GitHub usage report: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    });
    return result;
  }
  // Papa reports malformed rows (wrong number of fields, bad quotes) with their index.
  const broken = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined) broken.set(error.row, error.message);

  parsed.data.forEach((record, index) => {
    const line = index + 2; // 1 is the header
    if (broken.has(index)) {
      result.errors.push({ line, message: broken.get(index)! });
      return;
    }
    const values = fields(record);
    if (values.product && !/codespaces/i.test(values.product)) {
      result.otherProducts += 1;
      return;
    }
    const row = rowSchema.safeParse(values);
    if (row.success) result.rows.push({ ...row.data, line });
    else result.errors.push({ line, message: row.error.issues.map((i) => i.message).join('; ') });
  });
  return result;
}

export interface MemberCost {
  member: string;
  compute: number;
  storage: number;
  total: number;
  coreHours: number;
}

/** Exact cost per member from the CSV's rows. */
export function memberCostsFromCsv(rows: readonly UsageCsvRow[]): MemberCost[] {
  const members = new Map<string, MemberCost>();
  for (const row of rows) {
    const cost = members.get(row.username) ?? { member: row.username, compute: 0, storage: 0, total: 0, coreHours: 0 };
    const storage = /storage/i.test(row.sku) || /gigabyte/i.test(row.unitType);
    if (storage) cost.storage += row.netAmount;
    else {
      cost.compute += row.netAmount;
      const cores = /(\d+)[\s-]*core/i.exec(row.sku);
      if (cores) cost.coreHours += Number(cores[1]) * row.quantity;
    }
    cost.total += row.netAmount;
    members.set(row.username, cost);
  }
  return [...members.values()].sort((a, b) => b.total - a.total);
}
