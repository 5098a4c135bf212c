import { Module } from '@nestjs/common';
import { parseSigningKeys, SignedTokens } from '@libs/common';
import { AdvertisingEnv } from '../config/advertising.config';
import { BeaconTokens } from './beacon-tokens';
import { BeaconUrls } from './beacon-urls';

/** Signed beacons: decisions issue them, the beacon endpoints open them (`ADVERTISING_TOKEN_KEYS`). */
@Module({
  providers: [
    {
      provide: BeaconTokens,
      inject: [AdvertisingEnv],
      useFactory: (env: AdvertisingEnv) =>
        new BeaconTokens(new SignedTokens(parseSigningKeys(env.ADVERTISING_TOKEN_KEYS))),
    },
    { provide: BeaconUrls, inject: [BeaconTokens], useFactory: (tokens: BeaconTokens) => new BeaconUrls(tokens) },
  ],
  exports: [BeaconTokens, BeaconUrls],
})
export class BeaconsModule {}
