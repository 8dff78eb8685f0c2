/**
 * The message catalogue: every user-visible string comes from here, through i18next.
 * One namespace per UI feature (`en/<feature>.ts`); English first, Korean to follow by
 * adding `ko/<feature>.ts` files without touching components.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export const DEFAULT_NAMESPACE = 'app';

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en },
  defaultNS: DEFAULT_NAMESPACE,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export { i18next };
