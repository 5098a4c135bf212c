import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toFieldErrors } from './validation-errors';

class Address {
  @IsString() city!: string;
}

class Line {
  @IsIn(['free', 'premium']) level!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
}

class Batch {
  @IsInt() size!: number;
  @ValidateNested({ each: true }) @Type(() => Line) items!: Line[];
}

function fieldsOf(body: object): string[] {
  return toFieldErrors(validateSync(plainToInstance(Batch, body))).map((e) => e.field);
}

describe('field errors', () => {
  it('names a top-level field by its name', () => {
    expect(fieldsOf({ size: 'ten', items: [] })).toEqual(['size']);
  });

  it('names a field of an array element with the index in brackets', () => {
    const ok = { level: 'free', address: { city: 'Huế' } };
    expect(fieldsOf({ size: 3, items: [ok, ok, ok, { ...ok, level: 'gold' }] })).toEqual(['items[3].level']);
  });

  it('names a field nested inside an array element with dots after the brackets', () => {
    expect(fieldsOf({ size: 1, items: [{ level: 'free', address: { city: 7 } }] })).toEqual(['items[0].address.city']);
  });
});
