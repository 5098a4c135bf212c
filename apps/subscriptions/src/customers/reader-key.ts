export { readerKeyOf } from '@libs/contracts';
