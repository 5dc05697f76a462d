export * from './model.js';
export * from './errors.js';
export * from './api.js';
export * from './money.js';
export * from './restrictions.js';
export * from './rules.js';
