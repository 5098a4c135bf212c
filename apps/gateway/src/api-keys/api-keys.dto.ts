import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Role, ROLES } from '../access/role';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'CMS publisher' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiProperty({
    required: false,
    description: 'the advertiser or licensee an external key acts for (required for those roles)',
  })
  @ValidateIf(
    (o: CreateApiKeyRequest) =>
      o.subjectId !== undefined || o.roles?.some((r) => r === 'advertiser' || r === 'licensee'),
  )
  @IsUUID()
  subjectId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(1) @Max(100_000) rateLimitPerMinute?: number;
}

export class ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the public part of the key, to recognise it' }) prefix!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) rateLimitPerMinute!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

export class CreatedApiKey extends ApiKeyView {
  @ApiProperty({ description: 'the whole key; shown this once and never again' }) secret!: string;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: [ApiKeyView] }) items!: ApiKeyView[];
}
