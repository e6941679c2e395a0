using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class EventRowConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> b)
    {
        // The migration creates this table PARTITION BY RANGE (time). It has no key: a unique index on
        // (source, line) cost ingest 8% and guards nothing that the source row does not (EventStore).
        b.ToTable("events");
        b.HasNoKey();
        b.Property(e => e.ClientIp).HasColumnType("inet");
        // Time ranges are served by partition pruning, the rollups and a BRIN index on time (raw SQL in
        // its migration). The IP page needs the IP's newest events: the hourly rollup finds the hours
        // that hold them, so the index needs no time column, which made ingest 15% faster.
        b.HasIndex(e => e.ClientIp);
    }
}
