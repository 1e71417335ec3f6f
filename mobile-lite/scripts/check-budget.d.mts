export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export declare const BUDGET_KB: number;
export declare function firstScreenFiles(manifest: Record<string, ManifestChunk>): string[];
export declare function measure(distDir: string): {
  files: { file: string; gzipBytes: number }[];
  totalBytes: number;
};
export declare function report(totalBytes: number, budgetKb?: number): { ok: boolean; line: string };
export declare const DOMAIN_PREFIXES: string[];
export declare function domainKeysInFirstScreen(distDir: string): string[];
