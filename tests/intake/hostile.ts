import { strToU8, strFromU8, unzipSync, zipSync, zlibSync } from 'fflate';

/** Hostile and broken files, built byte by byte for the intake attack tests. */

const OFD_NS = 'http://www.ofdspec.org/2016';

export const ofdPage = (layer: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${doctype}<ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Content><ofd:Layer ID="1">${layer}</ofd:Layer></ofd:Content></ofd:Page>`;

export const ofdText = (text: string, codeAttributes = 'X="0" Y="5"', objectAttributes = 'Size="5" Boundary="10 10 100 10"') =>
  `<ofd:TextObject ID="1" ${objectAttributes}><ofd:TextCode ${codeAttributes}>${text}</ofd:TextCode></ofd:TextObject>`;

/** An OFD whose Document.xml lists `pageRefs` (default: one page at Pages/Page_0/Content.xml) over the given parts. */
export function hostileOfd(parts: Record<string, string>, pageRefs = ['Pages/Page_0/Content.xml']): Uint8Array {
  const refs = pageRefs.map((loc, i) => `<ofd:Page ID="${i + 1}" BaseLoc="${loc}"/>`).join('');
  return zipSync({
    'OFD.xml': strToU8(`<ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(`<ofd:Document xmlns:ofd="${OFD_NS}"><ofd:Pages>${refs}</ofd:Pages></ofd:Document>`),
    ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
  });
}

/** Rewrites one part of a zip package (docx or OFD), keeping the others. */
export function rewritePart(zip: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(zip);
  const part = files[name];
  if (!part) throw new Error(`no ${name} in package`);
  files[name] = strToU8(edit(strFromU8(part)));
  return zipSync(files);
}

/** Puts a DOCTYPE right after the XML declaration of a part. */
export const withDoctype = (doctype: string) => (xml: string) => xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => decl + doctype);

/** Ten levels of ten-fold entity references: a billion "lol"s if anything expands them. */
export const billionLaughs = `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')}]>`;

export const externalEntity = (url: string) => `<!DOCTYPE r [<!ENTITY xxe SYSTEM "${url}">]>`;

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

export interface PdfObject {
  dict: string;
  /** Stream data; written with a /Length that matches unless the dict already says one. */
  stream?: Uint8Array | string;
}

/** A PDF written by hand, object by object, with a correct xref table (objects are numbered from 1; the catalog is object 1). */
export function rawPdf(objects: (PdfObject | string)[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (piece: Uint8Array | string) => {
    const bytes = typeof piece === 'string' ? latin1(piece) : piece;
    chunks.push(bytes);
    size += bytes.length;
  };
  const offsets: number[] = [];
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  objects.forEach((raw, i) => {
    const object = typeof raw === 'string' ? { dict: raw } : raw;
    offsets.push(size);
    push(`${i + 1} 0 obj\n`);
    if (object.stream === undefined) push(object.dict);
    else {
      const data = typeof object.stream === 'string' ? latin1(object.stream) : object.stream;
      push(object.dict.includes('/Length') ? object.dict : object.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`));
      push('\nstream\n');
      push(data);
      push('\nendstream');
    }
    push('\nendobj\n');
  });
  const xref = size;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** One Helvetica page whose content stream is `content`; `pages` replaces the page tree's Kids/Count. */
export function onePagePdf(content: Uint8Array | string, options: { pages?: string; contentDict?: string; font?: string } = {}): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages ${options.pages ?? '/Kids [3 0 R] /Count 1'} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    { dict: options.contentDict ?? '<< >>', stream: content },
    options.font ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

export const helloContent = 'BT /F1 12 Tf 72 700 Td (Hello hostile world) Tj ET';

/**
 * A small PDF (tens of KB) whose compressed content stream inflates to `ops` no-op operator pairs:
 * the text is read only after pdf.js has walked them all, so it runs for seconds per few million.
 */
export function slowPdf(ops: number): Uint8Array {
  const body = strToU8(`${helloContent} ${'q Q '.repeat(ops)}`);
  return onePagePdf(zlibSync(body, { level: 9 }), { contentDict: '<< /Filter /FlateDecode >>' });
}
