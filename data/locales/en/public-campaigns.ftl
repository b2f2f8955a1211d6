public-campaigns = Give: vetted fundraising campaigns
public-campaigns-intro = Links to where people give, each vetted by the response's coordinators. This bot never takes, holds or counts money.
public-campaigns-everywhere = Every area
public-campaign-vetted = vetted by { $role } on { $when }
public-vetter-coordinator = a coordinator
public-vetter-admin = an administrator
