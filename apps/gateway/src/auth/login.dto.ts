import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'tin-nhanh', description: "the agency's slug" })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/)
  tenant!: string;
  @ApiProperty() @IsEmail() email!: string;
  @ApiProperty() @IsString() @Length(1, 200) password!: string;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
}
