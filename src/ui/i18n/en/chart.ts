/** English messages of the `chart` namespace. */
export const chart = {
} as const;
