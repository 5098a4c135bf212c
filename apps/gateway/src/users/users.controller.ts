import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../access/principal';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateUserRequest, UserListResponse, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Create a console user of the agency with a role and an initial password' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() request: CreateUserRequest, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.users.create(principal.tenantId, request);
  }

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: "The agency's console users" })
  @ApiOkResponse({ type: UserListResponse })
  async list(@TenantPrincipalOf() principal: TenantPrincipal) {
    return { items: await this.users.list(principal.tenantId) };
  }

  @Get(':id')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'One console user of the agency' })
  @ApiOkResponse({ type: UserView })
  get(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.users.get(principal.tenantId, id);
  }
}
