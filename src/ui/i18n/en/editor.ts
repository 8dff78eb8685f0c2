/** English messages of the `editor` namespace. */
export const editor = {
} as const;
