import { AdUnit } from '../ad-units/ad-unit.entity';
import { Advertiser } from '../advertisers/advertiser.entity';
import { Creative } from '../creatives/creative.entity';
import { DeliveryRecord } from '../delivery-records/delivery-record.entity';
import { InventoryDay } from '../inventory/inventory-day.entity';
import { MakeGood } from '../make-goods/make-good.entity';
import { InvoicePayment } from '../invoices/invoice-payment.entity';
import { InvoiceRefund } from '../invoices/invoice-refund.entity';
import { Invoice } from '../invoices/invoice.entity';
import { SiteTrafficHour } from '../pacing/site-traffic-hour.entity';
import { ReaderGrants } from '../readers/reader-grants.entity';
import { OrderLineDay } from '../orders/order-line-day.entity';
import { OrderLine } from '../orders/order-line.entity';
import { Order } from '../orders/order.entity';
import { RateCard } from '../rate-cards/rate-card.entity';
import { AdvertisingSite } from '../sites/advertising-site.entity';
import { TakeoverPage } from '../takeover-pages/takeover-page.entity';
import { AdvertisingTenant } from '../tenants/advertising-tenant.entity';
import { migrations } from './migrations';

/** The tables advertising owns, and the migrations that make them (explicit, no globs). */
export const advertisingSchema = {
  name: 'advertising' as const,
  entities: [
    AdvertisingTenant,
    AdUnit,
    AdvertisingSite,
    Advertiser,
    RateCard,
    InventoryDay,
    Order,
    OrderLine,
    OrderLineDay,
    Creative,
    TakeoverPage,
    DeliveryRecord,
    MakeGood,
    Invoice,
    InvoicePayment,
    InvoiceRefund,
    ReaderGrants,
    SiteTrafficHour,
  ],
  migrations,
};
