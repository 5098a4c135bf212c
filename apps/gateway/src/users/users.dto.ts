import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length } from 'class-validator';
import { Role, STAFF_ROLES } from '../access/role';

export class CreateUserRequest {
  @ApiProperty({ example: 'lan.nguyen@tinnhanh.vn' }) @IsEmail() email!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role!: Role;
  @ApiProperty({ description: '12+ characters, three of: lower, upper, digits, symbols' })
  @IsString()
  password!: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: Date }) lockedUntil!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class UserListResponse {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
}
