export * from '../../modules/accounts/tables';
export * from '../../modules/community/tables';
export * from '../../modules/spaces/tables';
export * from '../../modules/pages/tables';
export * from '../../modules/geo/tables';
export * from '../../modules/cartographie/tables';
export * from './platform-tables';
