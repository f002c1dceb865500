"""The last places of an event under load, on PostgreSQL: 20 threads, each with its own
database connection, released together at a barrier, 50 times over. Nobody is ever given a
place that does not exist; everyone else is put on the waiting list and told so. The control
test swaps the conditional UPDATE for a read-then-write and shows that it overbooks, so the
first test can fail."""

import threading
from unittest import mock

import pytest
from django.db import connection

from members.events import services
from members.events.models import EventPlaces, Registration
from members.events.services import outcome_message, register_for_event
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 20
ROUNDS = 50
CAPACITY = 30
PLACES_LEFT = 5
Status = Registration.Status


def take_place_without_the_condition(event_id: int) -> bool:
    """What a naive implementation does: read the count, then write it back plus one."""
    places = EventPlaces.objects.get(event_id=event_id)
    if places.taken >= places.capacity:
        return False
    EventPlaces.objects.filter(event_id=event_id).update(taken=places.taken + 1)
    return True


def run_rounds(event, rounds: int) -> list[list[tuple[str, str]]]:
    """Each round: 25 of 30 places taken, then 20 people ask for one at the same instant.
    Returns, per round, each person's (status, message)."""
    start = threading.Barrier(THREADS + 1)
    done = threading.Barrier(THREADS + 1)
    outcomes: list[list] = [[] for _ in range(rounds)]
    errors: list[BaseException] = []
    lock = threading.Lock()

    def person(number: int) -> None:
        try:
            for round_number in range(rounds):
                start.wait()
                try:
                    registration = register_for_event(
                        event,
                        applicant(number, email=f"p{number}-r{round_number}@example.org"),
                        join_waiting_list_if_full=True,
                    )
                    outcome = (registration.status, outcome_message(registration))
                except Exception as error:  # noqa: BLE001 - reported by the main thread
                    with lock:
                        errors.append(error)
                    outcome = ("error", repr(error))
                with lock:
                    outcomes[round_number].append(outcome)
                done.wait()
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(n,), daemon=True) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(rounds):
            Registration.objects.filter(event=event).delete()
            EventPlaces.objects.filter(event=event).update(
                capacity=CAPACITY, taken=CAPACITY - PLACES_LEFT
            )
            start.wait(timeout=60)
            done.wait(timeout=60)
    except BaseException:
        # Release the threads so the test fails instead of hanging.
        start.abort()
        done.abort()
        raise
    finally:
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors[:3]
    return outcomes


def test_twenty_people_at_once_never_get_more_than_the_five_places_left(workshop):
    outcomes = run_rounds(workshop, ROUNDS)
    for round_outcomes in outcomes:
        statuses = [status for status, _ in round_outcomes]
        assert statuses.count(Status.CONFIRMED) == PLACES_LEFT
        assert statuses.count(Status.WAITING) == THREADS - PLACES_LEFT
        for status, message in round_outcomes:
            if status == Status.WAITING:
                assert "All places are taken, so you are number" in message
    # The last round is still in the database: the counter and the rows agree.
    assert EventPlaces.objects.get(event=workshop).taken == CAPACITY
    assert workshop.registrations.filter(status=Status.CONFIRMED).count() == PLACES_LEFT
    positions = sorted(
        services.waiting_list_position(r)
        for r in workshop.registrations.filter(status=Status.WAITING)
    )
    assert positions == list(range(1, THREADS - PLACES_LEFT + 1))


def test_without_the_conditional_update_the_same_load_overbooks(workshop):
    with mock.patch.object(services, "_take_place", take_place_without_the_condition):
        outcomes = run_rounds(workshop, ROUNDS)
    confirmed_per_round = [
        [status for status, _ in round_outcomes].count(Status.CONFIRMED)
        for round_outcomes in outcomes
    ]
    assert max(confirmed_per_round) > PLACES_LEFT, confirmed_per_round
