/** English messages of the `results` namespace. */
export const results = {
} as const;
