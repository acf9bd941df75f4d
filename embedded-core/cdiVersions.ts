/** Versions the core (v11.3+) accepts in the `cdi-version` header; answers are always in the 5.4 shape. */
export const SUPPORTED_CDI_VERSIONS: readonly string[] = [
  '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16', '2.17', '2.18', '2.19',
  '2.20', '2.21', '3.0', '3.1', '4.0', '5.0', '5.1', '5.2', '5.3', '5.4',
];
