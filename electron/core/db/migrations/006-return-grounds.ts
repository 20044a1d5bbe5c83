/**
 * Migration 6: a decision records its 公开方式 (part of the content the signer signs) and the grounds of its
 * last 退文. Decisions drafted before keep no channels; returns made before keep no grounds (NULL), which the
 * chain replays the same way.
 */
export const schema006ReturnGrounds = `
ALTER TABLE decisions ADD COLUMN channels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN channelText TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN returnGrounds TEXT;
`;
