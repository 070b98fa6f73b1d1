export * from './ids';
export * from './types';
export * from './sources';
export * from './matrix';
export * from './measures';
export * from './queries';
export * from './errors';
