/**
 * The app icons made from playbook.yaml's `logo` (or Latitude's default
 * icon) after each build, for the web app manifest, the home screen and the
 * favicon. Pure: names and sizes only; src/integrations/playbook-logo.ts
 * draws them.
 */
import { LOGO_FOLDER } from '../links/logo.ts';

export interface AppIcon {
  /** Site path without the base. */
  path: string;
  size: number;
  /** What the icon is for: the manifest's `purpose`, or the page's <link>. */
  use: 'manifest' | 'apple-touch-icon' | 'favicon';
}

export const APP_ICONS: readonly AppIcon[] = [
  { path: `/${LOGO_FOLDER}/icon-192.png`, size: 192, use: 'manifest' },
  { path: `/${LOGO_FOLDER}/icon-512.png`, size: 512, use: 'manifest' },
  { path: `/${LOGO_FOLDER}/apple-touch-icon.png`, size: 180, use: 'apple-touch-icon' },
  { path: `/${LOGO_FOLDER}/favicon-32.png`, size: 32, use: 'favicon' },
];

/** The manifest's colours: the default icon's. */
export const THEME_COLOUR = '#1f4e5f';
export const BACKGROUND_COLOUR = '#ffffff';

/** A short name for the home screen: the name itself when short, else its first word. */
export function shortName(name: string): string {
  if (name.length <= 12) return name;
  const first = name.split(/\s+/)[0]!;
  return first.length <= 12 ? first : `${first.slice(0, 11)}…`;
}
