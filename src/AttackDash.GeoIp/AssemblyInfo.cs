[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("AttackDash.GeoIp.Tests")]
