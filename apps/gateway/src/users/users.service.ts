import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationFailedError } from '@libs/common';
import { AuditLogService } from '../audit-log/audit-log.service';
import { passwordProblems } from './password-policy';
import { User } from './user.entity';
import { UserRepository } from './user.repository';
import { CreateUserRequest, UserView } from './users.dto';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditLogService,
  ) {}

  async create(tenantId: string, request: CreateUserRequest): Promise<UserView> {
    const email = request.email.toLowerCase();
    const problems = passwordProblems(request.password, email);
    if (problems.length) throw new ValidationFailedError(problems);
    const passwordHash = await hash(request.password);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const user = await this.users.add(tx, {
          tenantId,
          email,
          name: request.name,
          role: request.role,
          passwordHash,
          failedLogins: 0,
          lockedUntil: null,
        });
        const view = toUserView(user);
        await this.audit.record(tx, {
          tenantId,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          after: view,
        });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`a user with email ${email} already exists`);
      }
      throw error;
    }
  }

  async list(tenantId: string): Promise<UserView[]> {
    return (await this.users.findAllOfTenant(tenantId)).map(toUserView);
  }

  async get(tenantId: string, id: string): Promise<UserView> {
    const user = await this.users.findOneOfTenant(tenantId, id);
    if (!user) throw new NotFoundError('user', id);
    return toUserView(user);
  }
}

function toUserView(user: User): UserView {
  const { id, email, name, role, lockedUntil, createdAt } = user;
  return { id, email, name, role, lockedUntil, createdAt };
}
