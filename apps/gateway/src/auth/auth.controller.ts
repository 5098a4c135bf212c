import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '@libs/common';
import { LoginRequest, LoginResponse } from './login.dto';
import { Access } from '../access/access.decorator';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import { LoginService } from './login.service';
import type { TenantPrincipal } from '../access/principal';
import { STAFF_ROLES } from '../access/role';
import { ShownOnce } from '../idempotency/shown-once.decorator';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Post('login')
  @ShownOnce()
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Console login; locks the account after repeated failures' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() request: LoginRequest, @Req() http: FastifyRequest) {
    return this.logins.login(request, http.ip);
  }

  @Post('logout')
  @HttpCode(204)
  @Access({ roles: STAFF_ROLES })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the console session of the access token' })
  async logout(@TenantPrincipalOf() principal: TenantPrincipal): Promise<void> {
    if (principal.kind !== 'user')
      throw new ValidationFailedError([{ field: 'authorization', message: 'only a console session can log out' }]);
    await this.logins.logout(principal.sessionId, principal.tenantId);
  }
}
