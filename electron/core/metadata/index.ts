/**
 * Reading a 公文's metadata (issuer, number, title, dates, classification) from its text: the stage that both
 * intake (when it reads a file) and the scanner (when it is given bare text) call, so neither needs the other.
 */
export { classificationIn, emptyMetadata, parseMetadata } from './metadata.ts';
