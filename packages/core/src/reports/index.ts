/**
 * Reports: JSON (versioned, with a schema), Markdown (responsibility map and coverage), SARIF 2.1.0,
 * OCSF Compliance Finding, JUnit XML and CSV. Each takes a {@link ScanResult}.
 * @module
 */
export { TOOL_NAME, TOOL_VERSION, findingToJson, findingToJsonText, type ReportInput, type ReportOptions } from './common';
export * from './json';
export * from './coverage';
export * from './markdown';
export * from './sarif';
export * from './ocsf';
export * from './junit';
export * from './csv';
