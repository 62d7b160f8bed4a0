import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { campaignsWithProgress } from '../../modules/marketing/manage-campaigns.ts';

/** `besttrav marketing:campaigns`: each campaign with the progress and outcome of its send, newest first. */
export async function marketingCampaignsCommand(): Promise<void> {
  const database = await openDatabase(loadConfig().database);
  try {
    const campaigns = await campaignsWithProgress(database.db);
    if (campaigns.length === 0) console.log('No marketing campaigns yet.');
    for (const campaign of campaigns) {
      const progress = campaign.progress ? `${campaign.progress.done}/${campaign.progress.total ?? '?'}` : '-';
      const outcome = `sent ${campaign.sentCount}, skipped ${campaign.skippedCount}, failed ${campaign.failedCount}`;
      console.log(`${campaign.id}  ${campaign.channel.padEnd(6)} ${campaign.status.padEnd(8)} ${progress.padEnd(11)} ${outcome}${campaign.errorCode ? `  (${campaign.errorCode})` : ''}  ${campaign.titleZh}`);
    }
  } finally {
    await database.close();
  }
}
