declare const kitEntries: Record<string, { source: string; browser?: string }>;
export = kitEntries;
