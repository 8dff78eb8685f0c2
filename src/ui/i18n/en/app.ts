/** English messages of the `app` namespace (shell, schema panel, gallery, files). */
export const app = {
  title: 'ACR Log Explorer',
} as const;
