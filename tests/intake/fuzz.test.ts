import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import type { IntakeErrorCode, IntakeResult } from '../../shared/types.ts';
import { makeDocx, makeOfd, makePdf } from '../helpers/fixtures.ts';
import { expectDocument } from './helpers.ts';
import { seededRandom } from '../helpers/random.ts';

afterAll(() => closeIntake());

/** Fixed so a failure reproduces; INTAKE_FUZZ_SEED explores other runs by hand. */
const SEED = Number(process.env.INTAKE_FUZZ_SEED ?? 0x5eed_2024);
const MUTATIONS_PER_FORMAT = 250;
const TIMEOUT_MS = 3000;
/** A job past its time limit is answered by the pool's timer; this margin only catches a pool that never answers. */
const HANG_MARGIN_MS = 15_000;
const KNOWN_CODES: IntakeErrorCode[] = ['empty', 'corrupt', 'encrypted', 'no-text-layer', 'wrong-type', 'too-large', 'unsupported', 'timeout'];

function zipEntryOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) out.push(i);
  return out;
}

type Mutation = (bytes: Uint8Array, next: () => number) => Uint8Array;
const int = (next: () => number, n: number) => Math.floor(next() * n);

const mutations: Record<string, Mutation> = {
  flip: (bytes, next) => {
    const out = bytes.slice();
    for (let k = 1 + int(next, 16); k > 0; k--) {
      const at = int(next, out.length);
      out[at] = out[at]! ^ (1 << int(next, 8));
    }
    return out;
  },
  truncate: (bytes, next) => bytes.slice(0, 1 + int(next, bytes.length - 1)),
  duplicate: (bytes, next) => {
    const start = int(next, bytes.length);
    const chunk = bytes.slice(start, start + 1 + int(next, 4096));
    const at = int(next, bytes.length);
    return new Uint8Array([...bytes.subarray(0, at), ...chunk, ...bytes.subarray(at)]);
  },
  zipEntry: (bytes, next) => {
    const offsets = zipEntryOffsets(bytes);
    if (offsets.length === 0) return mutations.flip!(bytes, next);
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const at = offsets[int(next, offsets.length)]!;
    switch (int(next, 4)) {
      case 0: // garble the compressed data just past the header
        for (let k = 0; k < 32; k++) out[Math.min(out.length - 1, at + 30 + view.getUint16(at + 26, true) + int(next, 256))] = int(next, 256);
        break;
      case 1: // a different method or flags
        view.setUint16(at + 8, int(next, 20), true);
        view.setUint16(at + 6, int(next, 0x10000), true);
        break;
      case 2: // lie about sizes
        view.setUint32(at + 18, int(next, 2 ** 32), true);
        view.setUint32(at + 22, int(next, 2 ** 32), true);
        break;
      default: // a name length that runs into the data
        view.setUint16(at + 26, int(next, 0x10000), true);
    }
    return out;
  },
};

interface Outcome {
  format: string;
  index: number;
  mutation: string;
  code: string;
}

describe('mutation fuzz', () => {
  it(`answers ${MUTATIONS_PER_FORMAT} seeded mutations per format with a document or a known per-file error, never a throw or a hang, and the pool still reads after`, async () => {
    const body = ['关于开展2024年度安全生产检查的通知', '各区县人民政府，市政府各部门：', '现将有关事项通知如下。', '（此件公开发布）'];
    const fixtures: Record<string, Uint8Array> = {
      docx: await makeDocx([{ title: body[0]! }, ...body.slice(1)]),
      pdf: await makePdf([body]),
      ofd: makeOfd([body]),
      txt: new TextEncoder().encode(body.join('\n')),
      xlsx: await (async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('名单').addRows([[body[0]!], ['序号', '姓名', '单位'], [1, '王某', '某某局']]);
        return new Uint8Array(await book.xlsx.writeBuffer());
      })(),
    };
    const next = seededRandom(SEED);
    const names = Object.keys(mutations);
    const jobs: { format: string; index: number; mutation: string; bytes: Uint8Array; fileName: string }[] = [];
    for (const [format, bytes] of Object.entries(fixtures)) {
      for (let index = 0; index < MUTATIONS_PER_FORMAT; index++) {
        const mutation = format === 'docx' || format === 'ofd' || format === 'xlsx' ? names[int(next, names.length)]! : names[int(next, names.length - 1)]!;
        jobs.push({ format, index, mutation, bytes: mutations[mutation]!(fixtures[format]!, next), fileName: `变异${index}.${format}` });
      }
    }
    const started = Date.now();
    const outcomes: Outcome[] = [];
    const problems: string[] = [];
    await Promise.all(
      jobs.map(async (job) => {
        let hang: NodeJS.Timeout | undefined;
        const guard = new Promise<'hung'>((resolve) => {
          hang = setTimeout(() => resolve('hung'), TIMEOUT_MS * Math.ceil(jobs.length / 2) + HANG_MARGIN_MS);
        });
        let result: IntakeResult | 'hung';
        try {
          result = await Promise.race([extractBytes(job.bytes, job.fileName, { timeoutMs: TIMEOUT_MS }), guard]);
        } catch (error) {
          problems.push(`${job.format}#${job.index} (${job.mutation}) threw ${String(error)}`);
          return;
        } finally {
          clearTimeout(hang);
        }
        const where = `${job.format}#${job.index} (${job.mutation})`;
        if (result === 'hung') problems.push(`${where} never answered`);
        else if (!result.ok) {
          if (!KNOWN_CODES.includes(result.error.code)) problems.push(`${where} unknown code ${result.error.code}`);
          if (!result.error.message.includes(job.fileName) || !/[\u4e00-\u9fff]/.test(result.error.message)) problems.push(`${where} message ${result.error.message}`);
        }
        outcomes.push({ format: job.format, index: job.index, mutation: job.mutation, code: result === 'hung' ? 'hung' : result.ok ? 'ok' : result.error.code });
      }),
    );
    const tally: Record<string, Record<string, number>> = {};
    for (const o of outcomes) (tally[o.format] ??= {})[o.code] = (tally[o.format]![o.code] ?? 0) + 1;
    console.log(`fuzz: ${jobs.length} mutations in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED.toString(16)}`, JSON.stringify(tally));
    expect(problems).toEqual([]);
    expect(outcomes).toHaveLength(jobs.length);
    for (const [format, bytes] of Object.entries(fixtures)) expectDocument(await extractBytes(bytes, `原件.${format}`));
  }, 180_000);
});
