import { ConfigVariables } from '../../config/variables.ts';

/** `besttrav config:docs`: the configuration table of the README, generated from the schema. */
export function configDocsTable(): string {
  const rows = Object.entries(ConfigVariables.properties).map(([name, schema]) => {
    const s = schema as unknown as Record<string, unknown>;
    const fallback = s.default === undefined ? '—' : `\`${String(s.default)}\``;
    const secret = s['x-secret'] === true ? ' **Secret.**' : '';
    return `| \`${name}\` | ${fallback} | ${String(s.description).replace(/\|/g, '\\|')}${secret} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}
