/** English messages of the `theme` namespace (the header's theme toggle). */
export const theme = {
  label: 'Theme',
  options: {
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  title: 'Colour theme: follow the system, or always light or dark',
} as const;
