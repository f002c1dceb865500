"""The members app's demo content for `make run`, each domain's part in turn (accounts, the
wider partnership, alerts, induction, attendance, seats)."""

from members.accounts.demo import HALF_WAY_MEMBER, load_accounts, load_steering_group_seats
from members.alerts.demo import load_alerts_sent
from members.attendance.demo import load_attendance
from members.induction.demo import load_induction
from members.models import User
from members.partnership.demo import load_wider_partnership
from members.postal.demo import load_postal_choices


def load(stdout) -> None:
    load_accounts(stdout)
    load_steering_group_seats(stdout)
    load_induction(stdout, half_way_member=User.objects.filter(email=HALF_WAY_MEMBER).first())
    load_wider_partnership(stdout)
    load_postal_choices(stdout)
    load_alerts_sent(stdout)
    load_attendance(stdout)
