/** Domain prefix of a bundle signature, so it can never be taken for a sign-off or a checkpoint. */
export const bundleDomain = 'disclosure-desk/inspection-bundle/v1';

/** The `format` field every bundle carries. */
export const bundleFormat = 'disclosure-desk/inspection-bundle/v1';
