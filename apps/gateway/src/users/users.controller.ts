import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { TenantPrincipalOf } from '../auth/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../auth/principal';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateUserRequest, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Access({ roles: ['admin'] })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() request: CreateUserRequest, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.users.create(principal.tenantId, request);
  }

  @Get()
  @Access({ roles: ['admin'] })
  async list(@TenantPrincipalOf() principal: TenantPrincipal) {
    return { items: await this.users.list(principal.tenantId) };
  }

  @Get(':id')
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: UserView })
  get(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.users.get(principal.tenantId, id);
  }
}
